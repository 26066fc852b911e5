set -e
cd /work/main
npx vite build --outDir /tmp/site-build --emptyOutDir >/dev/null 2>&1
rm -rf $SITE/assets $SITE/index.html; cp -r /tmp/site-build/assets /tmp/site-build/index.html $SITE/
