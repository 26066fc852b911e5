/** How the CLI's messages name an error and a size (defined with the extractor's, shared with src/documents). */
export { megabytes } from '../extract/limits';
export { errorMessage } from '../extract/result';
