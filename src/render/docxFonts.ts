/**
 * The faces of the report and how Word and WPS should stand in for them. 仿宋_GB2312, 楷体_GB2312 and
 * 方正小标宋简体 are what GB/T 9704 templates name, but a stock Windows PC has only 仿宋, 楷体 and 宋体; the font
 * table gives each face its alternative name and the GB2312 character set (86), so an unprepared PC substitutes
 * the faces GB/T 9704 practice uses instead of a face of its own choosing.
 */
export const FACES = {
  fangsong: '仿宋_GB2312',
  kaiti: '楷体_GB2312',
  heiti: '黑体',
  xiaobiaosong: '方正小标宋简体',
  songti: '宋体',
} as const;

export type Face = (typeof FACES)[keyof typeof FACES] | 'Times New Roman';

interface FontEntry {
  name: Face;
  altName: string;
  /** ECMA-376 §17.8.3.2, hexadecimal: 86 is GB2312, 00 ANSI. */
  charset: '86' | '00';
  family: 'modern' | 'roman' | 'auto';
  pitch: 'fixed' | 'variable';
}

export const FONT_TABLE: readonly FontEntry[] = [
  { name: FACES.fangsong, altName: '仿宋', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FACES.kaiti, altName: '楷体', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FACES.heiti, altName: 'SimHei', charset: '86', family: 'modern', pitch: 'fixed' },
  // 华文中宋 comes only with Office; 宋体 is on every Chinese Windows.
  { name: FACES.xiaobiaosong, altName: '宋体', charset: '86', family: 'auto', pitch: 'variable' },
  { name: FACES.songti, altName: 'SimSun', charset: '86', family: 'auto', pitch: 'variable' },
  { name: 'Times New Roman', altName: 'Times New Roman', charset: '00', family: 'roman', pitch: 'variable' },
];

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** word/fontTable.xml declaring every face with its stand-in (child order as CT_Font requires). */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${fonts}</w:fonts>`;
}
