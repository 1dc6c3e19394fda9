//! The secrets of a live class: the join code learners type from a projector, the
//! instructor token printed once at start and the learner token given on joining. Tokens
//! are kept hashed (SHA-256) on the server and compared in constant time.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// The letters of a join code: no `0`/`O`, `1`/`I`/`L` to confuse on a projector.
pub const CODE_ALPHABET: &[u8; 32] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789+";

/// How many characters a join code has.
pub const CODE_LEN: usize = 6;

/// The operating system's randomness failed (`getrandom`).
#[derive(Debug, Clone, thiserror::Error)]
#[error("no randomness from the operating system: {0}")]
pub struct NoRandomness(String);

fn random<const N: usize>() -> Result<[u8; N], NoRandomness> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| NoRandomness(e.to_string()))?;
    Ok(buf)
}

/// A fresh join code: [`CODE_LEN`] characters of [`CODE_ALPHABET`] but its last, `+`, which
/// is only there to make the alphabet 32 long; a `+` drawn is drawn again.
pub fn join_code() -> Result<String, NoRandomness> {
    let mut code = String::with_capacity(CODE_LEN);
    while code.len() < CODE_LEN {
        for b in random::<16>()? {
            // 32 divides 256, so every letter is equally likely.
            let c = CODE_ALPHABET
                .get(usize::from(b) % CODE_ALPHABET.len())
                .copied()
                .unwrap_or(b'+');
            if c != b'+' && code.len() < CODE_LEN {
                code.push(char::from(c));
            }
        }
    }
    Ok(code)
}

/// A join code as typed, made comparable: upper case, spaces and dashes left out.
pub fn normalize_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A fresh token: 256 random bits as 64 hex digits.
pub fn secret() -> Result<String, NoRandomness> {
    Ok(hex(&random::<32>()?))
}

/// The hash a token is stored as: SHA-256, as 64 hex digits.
pub fn hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Whether `token` is the one stored as `stored` (its [`hash`]), compared in constant time.
pub fn matches(token: &str, stored: &str) -> bool {
    let given = hash(token);
    given.as_bytes().ct_eq(stored.as_bytes()).into()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_the_unambiguous_alphabet() {
        for _ in 0..200 {
            let c = join_code().expect("randomness");
            assert_eq!(c.len(), CODE_LEN);
            assert!(
                c.bytes().all(|b| b != b'+' && CODE_ALPHABET.contains(&b)),
                "{c}"
            );
            assert!(!c.contains(['0', 'O', '1', 'I', 'L']), "{c}");
        }
    }

    #[test]
    fn tokens_match_only_their_hash() {
        let t = secret().expect("randomness");
        assert_eq!(t.len(), 64);
        let h = hash(&t);
        assert!(matches(&t, &h));
        assert!(!matches(&secret().expect("randomness"), &h));
        assert!(!matches(&t, ""));
        // The hash of "abc" (FIPS 180-2, appendix B.1).
        assert_eq!(
            hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn typed_codes_are_normalized() {
        assert_eq!(normalize_code(" abc-d2 3 "), "ABCD23");
    }
}
