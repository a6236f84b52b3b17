import { createRequire } from 'node:module'

/**
 * Which text went on which line. pdfmake records one position (page, top) per laid-out line of a
 * text node but not the line's text; pagination of the forms needs both, to continue a long value
 * on the next page at exactly the line where pdfmake broke it. A node is watched by `watchLines`
 * (the object pdfmake lays out, e.g. from a `track` callback); for those nodes the text of each line
 * is recorded as pdfmake builds it (LayoutBuilder.buildNextLine, pdfmake 0.3.11; the version is pinned
 * in package.json). Lines forced by a line break end with '\n'.
 */
const watched = new WeakMap<object, string[]>()

interface LineLike {
  inlines: { text: string }[]
  newLineForced?: boolean
}
type Builder = { prototype: { buildNextLine(node: object): LineLike | null; __deskLines?: true } }

let patched = false
function patch(): void {
  if (patched) return
  const req = createRequire(__filename)
  const mod = req('pdfmake/js/LayoutBuilder') as { default?: Builder } & Builder
  const LB = (mod.default ?? mod) as Builder
  const proto = LB.prototype
  if (typeof proto.buildNextLine !== 'function') throw new Error('pdfmake LayoutBuilder.buildNextLine not found')
  if (!proto.__deskLines) {
    const orig = proto.buildNextLine
    proto.buildNextLine = function (node: object) {
      const line = orig.call(this, node)
      const rec = line ? watched.get(node) : undefined
      if (rec && line) rec.push(line.inlines.map((i) => i.text).join('') + (line.newLineForced ? '\n' : ''))
      return line
    }
    proto.__deskLines = true
  }
  patched = true
}

/** Start recording the lines of this (laid-out) text node; returns the array that fills up. */
export function watchLines(node: object): string[] {
  patch()
  const rec: string[] = []
  watched.set(node, rec)
  return rec
}
