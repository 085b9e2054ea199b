/**
 * The colours of styles/_tokens.scss that APIs take as strings (Taro.showModal's button colours,
 * chart options). Same names, same values: tests/miniapp/components/consoleShell.test.tsx reads
 * _tokens.scss and fails when these drift from it.
 */
export const COLOURS = {
  red: '#b91c1c',
  redDark: '#991b1b',
  redSoft: '#fdecec',
  gold: '#b7791f',
  ink: '#1f1a17',
  ink2: '#4a423d',
  muted: '#6b625c',
  line: '#e7e1da',
  card: '#ffffff',
  success: '#1e6b34',
  info: '#1d4f91',
} as const;
