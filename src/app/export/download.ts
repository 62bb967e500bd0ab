/** Hands a file the server answered with to the browser's download, under the name the server
 * gave it (Content-Disposition), or `fallback`. */
export async function downloadResponse(res: Response, fallback: string) {
  const name = /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('Content-Disposition') ?? '')?.[1];
  download({ blob: await res.blob(), filename: name ? decodeURIComponent(name) : fallback });
}

/** Hands a file to the browser's download. */
export function download({ blob, filename }: { blob: Blob; filename: string }) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
