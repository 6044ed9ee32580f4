/** Offers `blob` as a download named `name` (nothing leaves the device: it goes to the person's downloads). */
export function downloadBlob(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  // NOTE: revoked later, not at once: some browsers read the URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
