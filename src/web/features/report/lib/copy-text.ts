/**
 * Copies text to the clipboard. The async Clipboard API needs a secure context (https or
 * localhost); over plain http on a LAN address it is missing, so a hidden textarea and
 * `execCommand('copy')` serve as the fallback. Resolves false when neither works, so the
 * caller can show the link for manual copying instead of claiming success.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Permission refused or document not focused: try the fallback.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    // oxlint-disable-next-line typescript/no-deprecated -- the only fallback without the Clipboard API
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
