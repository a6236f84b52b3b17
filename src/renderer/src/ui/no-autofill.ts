/**
 * No field of ours may be remembered by the browser engine: Chromium's autofill and form history
 * keep what was typed (names, phones, the petitioner's words) in the profile's `Web Data` file, in
 * plaintext, and offer it again in other cases. Every <input> and <textarea> therefore gets
 * `autocomplete="off"` (and the markers password-manager extensions honour), whoever renders it:
 * this guard watches the document, so a field added by any screen, now or later, is covered
 * without anyone remembering to. The shared TextInput/TextArea set the same attributes themselves.
 */
export const NO_AUTOFILL = {
  autoComplete: 'off',
  autoCorrect: 'off',
  autoCapitalize: 'off',
  'data-lpignore': 'true',
  'data-1p-ignore': 'true',
  'data-form-type': 'other'
} as const

const ATTRS: [string, string][] = [
  ['autocomplete', 'off'],
  ['autocorrect', 'off'],
  ['autocapitalize', 'off'],
  ['data-lpignore', 'true'],
  ['data-1p-ignore', 'true'],
  ['data-form-type', 'other']
]

function guard(el: Element): void {
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLFormElement) {
    for (const [name, value] of ATTRS) if (el.getAttribute(name) !== value) el.setAttribute(name, value)
  }
}

function guardTree(root: ParentNode): void {
  if (root instanceof Element) guard(root)
  for (const el of root.querySelectorAll('input, textarea, form')) guard(el)
}

/** Apply to what is there and to everything added or changed from now on. Returns a stop function. */
export function installNoAutofill(doc: Document = document): () => void {
  guardTree(doc)
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes') guard(r.target as Element)
      else for (const n of r.addedNodes) if (n instanceof Element) guardTree(n)
    }
  })
  observer.observe(doc.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ATTRS.map(([n]) => n) })
  return () => observer.disconnect()
}
