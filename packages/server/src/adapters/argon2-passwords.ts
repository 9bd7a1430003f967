// The PasswordHasher port with argon2id (@node-rs/argon2).

import type { PasswordHasher } from '@fellwatch/core';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** Cost parameters of argon2id; memory in KiB. */
export interface Argon2Cost {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP's recommended argon2id setting: 19 MiB of memory, 2 passes, 1 lane. */
export const OWASP_ARGON2ID: Argon2Cost = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

// The package declares Algorithm as an ambient const enum, which isolatedModules cannot read;
// 2 is its Argon2id member.
const ARGON2ID = 2 as Algorithm;

/** Hashes passwords with argon2id; the PHC string it returns carries its own salt and parameters. */
export class Argon2Passwords implements PasswordHasher {
  constructor(private readonly cost: Argon2Cost = OWASP_ARGON2ID) {}

  hash(password: string): Promise<string> {
    return hash(password, { ...this.cost, algorithm: ARGON2ID });
  }

  /** False for a wrong password and for a hash that is not a valid argon2 string; never throws. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
