/** How the CLI's messages name an error and a size. */

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
