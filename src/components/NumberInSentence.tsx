/** A number in its sentence, the number marked: report text as text, never markup. */
import { inSentence } from './text-spans';

export function NumberInSentence({
  text,
  start,
  end,
}: {
  text: string;
  start: number;
  end: number;
}) {
  const { before, figure, after } = inSentence(text, start, end);
  return (
    <span className="in-sentence" lang="zh-CN">
      {before}
      <mark className="mention-current">{figure}</mark>
      {after}
    </span>
  );
}
