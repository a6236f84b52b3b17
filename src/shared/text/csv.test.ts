import { describe, expect, it } from 'vitest'
import { csvField, csvText, parseCsv } from './csv'

describe('CSV shared by the directory, the archive register and the review sheet', () => {
  it('reads back exactly what it wrote: commas, quotes, line breaks, edge spaces, astral characters', () => {
    const rows = [
      ['名称', '电话', '备注'],
      ['钟𠮶妹，"阿妹"', '+86 20 1234 5678', '第一行\r\n第二行'],
      [' 前后有空格 ', '', 'Nguyễn Thị 䶮'],
      ['"', ',', '\n']
    ]
    const text = csvText(rows)
    expect(text.startsWith('\uFEFF')).toBe(true)
    expect(text.endsWith('\r\n')).toBe(true)
    expect(parseCsv(text)).toEqual(rows)
  })

  it('quotes only what must be quoted, so a plain register stays readable', () => {
    expect(csvField('广州市劳动监察')).toBe('广州市劳动监察')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('说"明"')).toBe('"说""明"""')
    expect(csvField(' x')).toBe('" x"')
  })

  it('reads files saved by spreadsheet programs: LF or CR line ends, no final newline, blank rows kept', () => {
    expect(parseCsv('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']])
    expect(parseCsv('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']])
    expect(parseCsv('a\r\n\r\nb\r\n')).toEqual([['a'], [''], ['b']])
    expect(parseCsv('"x"\r\n,')).toEqual([['x'], ['', '']])
  })
})
