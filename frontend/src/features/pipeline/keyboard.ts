import { KeyboardCode, type KeyboardCoordinateGetter } from '@dnd-kit/core';

export const COLUMN_PREFIX = 'column:';
export const CARD_PREFIX = 'card:';

/**
 * Keyboard moves on the board: Left and Right jump the picked-up card to the top of the
 * neighbouring column, Up and Down move it past one card of its column. (dnd-kit's default moves
 * 25 pixels a key press, which takes dozens of presses to cross a column.)
 */
export const boardKeyboardCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  if (!collisionRect) return undefined;
  const shift = (x: number, y: number) => ({
    x: currentCoordinates.x + (x - collisionRect.left),
    y: currentCoordinates.y + (y - collisionRect.top),
  });
  if (event.code === KeyboardCode.Right || event.code === KeyboardCode.Left) {
    event.preventDefault();
    const columns = droppableContainers
      .getEnabled()
      .filter((c) => String(c.id).startsWith(COLUMN_PREFIX))
      .map((c) => droppableRects.get(c.id))
      .filter((rect): rect is NonNullable<typeof rect> => Boolean(rect))
      .sort((a, b) => a.left - b.left);
    const centre = collisionRect.left + collisionRect.width / 2;
    const current = columns.findIndex((rect) => centre >= rect.left && centre <= rect.left + rect.width);
    const target = columns[event.code === KeyboardCode.Right ? current + 1 : current - 1];
    if (!target) return undefined;
    return shift(target.left + (target.width - collisionRect.width) / 2, target.top + 48);
  }
  if (event.code === KeyboardCode.Down || event.code === KeyboardCode.Up) {
    event.preventDefault();
    const step = collisionRect.height + 8;
    return shift(collisionRect.left, collisionRect.top + (event.code === KeyboardCode.Down ? step : -step));
  }
  return undefined;
};
