// Saving an answer as a file: the bytes are read as they arrive (for a progress line), kept as a
// Blob in memory, and handed to the browser's own download through a temporary object URL.
// Nothing is written to storage, and the access token never appears in a URL.
export async function saveResponse(res: Response, fallbackName: string, onProgress?: (bytes: number) => void): Promise<number> {
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      bytes += value.length;
      onProgress?.(bytes);
    }
  }
  const disposition = res.headers.get('content-disposition') ?? '';
  // RFC 6266: the exact name (filename*, UTF-8) before the ASCII fallback.
  const exact = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const name = (exact && decodeURIComponent(exact)) || /filename="?([^";]+)"?/.exec(disposition)?.[1] || fallbackName;
  const url = URL.createObjectURL(new Blob(chunks as BlobPart[], { type: res.headers.get('content-type') ?? 'application/octet-stream' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return bytes;
}

export const formatBytes = (bytes: number): string => (bytes < 1024 ? `${bytes} bytes` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
