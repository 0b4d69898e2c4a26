/**
 * The platform's password rules (user-service's PasswordPolicy), checked here too so that people
 * learn them while typing. The server stays the judge: its field errors are shown the same way.
 */
export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_BYTES = 72;
const MIN_LOCAL_PART_CHECKED = 3;

export function passwordProblems(password: string, email: string): string[] {
  if (!password) return ['Choose a password'];
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    problems.push(`Password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  }
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) {
    problems.push(`Password is too long: use at most ${PASSWORD_MAX_BYTES} characters`);
  }
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) {
    problems.push('Password must contain at least one letter and one digit');
  }
  const at = email.indexOf('@');
  const localPart = (at < 0 ? email : email.slice(0, at)).trim().toLowerCase();
  if (localPart.length >= MIN_LOCAL_PART_CHECKED && password.toLowerCase().includes(localPart)) {
    problems.push('Password must not contain the part of your email before the @');
  }
  return problems;
}
