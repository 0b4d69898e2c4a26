import type { FeatureFlag, FlagValue } from '@/api/userService';

/** "roundRobinAssignment" -> "Round robin assignment": flags are keyed for code, read by people. */
export function flagLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  const spelled = words.replace(/\b(sms|ai|mismo|url|id)\b/g, (w) => w.toUpperCase());
  return spelled.charAt(0).toUpperCase() + spelled.slice(1);
}

/** The value an admin typed for an INTEGER flag, or the reason it can't be saved. */
export function parseIntegerFlag(flag: FeatureFlag, text: string): { value: number } | { error: string } {
  const trimmed = text.trim();
  if (!/^-?\d+$/.test(trimmed)) return { error: 'Enter a whole number' };
  const value = Number(trimmed);
  if (flag.minimum != null && value < flag.minimum) return { error: `At least ${flag.minimum}` };
  if (flag.maximum != null && value > flag.maximum) return { error: `At most ${flag.maximum}` };
  return { value };
}

export function formatFlagValue(value: FlagValue): string {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  return String(value);
}
