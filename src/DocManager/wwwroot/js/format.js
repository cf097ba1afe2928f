// How the pages write a number of bytes (the server's Format.Bytes), for sizes only the browser
// knows: files chosen for upload, before the server has seen them.

export function formatBytes(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1).replace(/\.0$/, '')} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2).replace(/\.?0+$/, '')} GB`;
}
