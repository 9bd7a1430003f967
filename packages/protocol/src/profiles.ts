// Herbert Protocol profiles: sealed at rest, seen only by the family member who filed them, released into a missing-person alert.
export {};
