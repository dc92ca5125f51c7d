/** argon2id password hashing (OWASP's parameters: 19 MiB, 2 iterations). */
import { hash, verify } from '@node-rs/argon2';

/** Algorithm.Argon2id; the package exports it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A real hash of nothing, verified when the user is unknown so timing does not tell who exists. */
let decoy: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('vardag-decoy-password');
  await verifyPassword(await decoy, password);
  return false;
}

/** The rule for new passwords, checked before hashing. */
export function passwordProblem(password: string): string | null {
  if (password.length < 10) return 'Lösenordet måste ha minst 10 tecken.';
  if (password.length > 200) return 'Lösenordet får ha högst 200 tecken.';
  return null;
}
