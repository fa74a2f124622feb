/** Money travels as fen; forms take 元 with two decimals. */
export const toFen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? 0 : Math.round(yuan * 100));
export const toYuan = (fen: number | null | undefined) => (fen === null || fen === undefined ? null : fen / 100);
