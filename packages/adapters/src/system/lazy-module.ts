/**
 * A module loaded on first use and then kept: for heavy optional dependencies (the AWS SDK, exceljs,
 * file-type) that a node may never need, so they cost no start-up time or memory until then.
 */
export function lazyModule<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    loading ??= load().catch((e: unknown) => {
      loading = undefined;
      throw e;
    });
    return loading;
  };
}
