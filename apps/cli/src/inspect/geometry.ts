/**
 * Screen geometry from the terminal size: how many queue rows and message lines fit, where the
 * findings panel goes (beside the messages when the terminal is wide, below them otherwise), and
 * how wide a message's text may be. The reducers and the views use the same numbers.
 */

export interface Geometry {
  rows: number;
  cols: number;
  /** Queue rows visible. */
  queueRows: number;
  /** Findings panel beside the messages (else below). */
  side: boolean;
  panelWidth: number;
  panelRows: number;
  /** Lines and cells of the message pane. */
  messageRows: number;
  messageCols: number;
  /** Cells before a message's text: cursor mark, #index, time, role, speaker. */
  prefixWidth: number;
  /** Cells for a message's text. */
  textCols: number;
  indexDigits: number;
  roleWidth: number;
}

export const SPEAKER_WIDTH = 8;
export const TIME_WIDTH = 8;
/** Lines above the list (title, column heads / score line) and below it (status, footer). */
const CHROME = 4;
/** Ink redraws the whole screen when the output fills it: stay one line short. */
const SPARE = 1;

export function geometry(rows: number, cols: number, messages = 1, roleWidth = 4): Geometry {
  const safeRows = Math.max(8, rows);
  const safeCols = Math.max(40, cols);
  const side = safeCols >= 110;
  const panelWidth = side ? Math.min(56, Math.max(40, Math.floor(safeCols * 0.36))) : safeCols;
  const body = safeRows - SPARE - CHROME;
  const panelRows = side ? body : Math.max(4, Math.min(10, Math.floor(body * 0.4)));
  const messageRows = Math.max(1, side ? body : body - panelRows);
  const messageCols = side ? safeCols - panelWidth : safeCols;
  const indexDigits = String(Math.max(0, messages - 1)).length;
  // "▶#12 10:02:11 客服 小美     " : mark, #index, time, role, speaker, single spaces between.
  const prefixWidth = 1 + 1 + indexDigits + 1 + TIME_WIDTH + 1 + roleWidth + 1 + SPEAKER_WIDTH + 1;
  return {
    rows: safeRows,
    cols: safeCols,
    queueRows: Math.max(1, body),
    side,
    panelWidth,
    panelRows,
    messageRows,
    messageCols,
    prefixWidth,
    textCols: Math.max(10, messageCols - prefixWidth - 1),
    indexDigits,
    roleWidth,
  };
}
