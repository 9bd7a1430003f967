// Copying the handover pack to the clipboard, with a fallback for browsers that refuse the Clipboard API.

/**
 * Copies text; true when it reached the clipboard. The Clipboard API needs a secure page and, in some
 * browsers, a fresh tap; when it fails, a hidden text box is selected and copied the older way.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the older way.
  }
  const box = document.createElement('textarea');
  box.value = text;
  box.setAttribute('readonly', '');
  box.style.position = 'fixed';
  box.style.opacity = '0';
  document.body.appendChild(box);
  box.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    box.remove();
  }
}
