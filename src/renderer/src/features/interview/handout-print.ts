import type { HandoutDoc } from '@shared/domain/interview/handout'
import type { OutputLang } from '@shared/domain/interview/types'

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

/** The handout as a printable A5 page (the browser's print dialog; nothing written to disk). */
export function handoutHtml(doc: HandoutDoc, lang: OutputLang): string {
  return `<!doctype html><html lang="${lang === 'yue-HK' ? 'zh-HK' : 'zh-CN'}"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>@page{size:A5;margin:12mm}body{font-family:"Microsoft YaHei","Noto Sans CJK SC","Noto Sans CJK HK",sans-serif;font-size:14pt;line-height:1.6;color:#111}
h1{font-size:18pt;margin:0 0 4mm}h2{font-size:14pt;margin:5mm 0 1mm;border-bottom:1px solid #999}.meta{color:#333;font-size:11pt}.note{font-size:10pt;color:#444;margin-top:6mm}</style>
</head><body><h1>${esc(doc.title)}</h1><div class="meta">${doc.meta.map(esc).join('　')}</div>
${doc.sections.map((s) => `<h2>${esc(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}`).join('')}
<p class="note">${esc(doc.note)}</p></body></html>`
}

/**
 * Print the HTML version from a same-origin popup. Returns false when no window could open (a
 * blocker, or the desktop shell, which denies every window.open): the caller then prints the PDF.
 */
export function printHandoutHtml(doc: HandoutDoc, lang: OutputLang): boolean {
  const w = window.open('', 'desk-handout', 'popup,width=620,height=860')
  if (!w) return false
  w.document.open()
  w.document.write(handoutHtml(doc, lang))
  w.document.close()
  w.focus()
  setTimeout(() => w.print(), 300)
  return true
}
