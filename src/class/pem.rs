//! PEM files of a class over HTTPS: the instructor's certificate chain and private key
//! (`class serve --tls-cert/--tls-key`) and the certificate a learner trusts for a class
//! whose certificate no public authority signed (`--join … --ca-file`). Every file is read
//! bounded ([`MAX_PEM_BYTES`]), and a file that is missing, too large or holds no usable
//! PEM item is an error naming the file and what to give instead.

use std::io::Read;
use std::path::{Path, PathBuf};

use rustls_pki_types::pem::{self, PemObject};
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use crate::lang::Lang;
use crate::msg::Message;
use crate::msg::class::Class as C;

/// The largest PEM file read, in bytes (a certificate chain is a few kilobytes).
pub const MAX_PEM_BYTES: u64 = 1024 * 1024;

/// What is wrong with a PEM file.
#[derive(Debug, thiserror::Error)]
pub enum PemError {
    /// It could not be read.
    #[error("cannot read {}: {error}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The system's reason.
        error: std::io::Error,
    },
    /// It is larger than [`MAX_PEM_BYTES`].
    #[error("{} is larger than {MAX_PEM_BYTES} bytes: it is not a PEM certificate or key", .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// It holds no certificate (`-----BEGIN CERTIFICATE-----`).
    #[error("{} holds no PEM certificate", .path.display())]
    NoCertificate {
        /// The file.
        path: PathBuf,
    },
    /// It holds no private key (`-----BEGIN PRIVATE KEY-----`, or the RSA or EC forms).
    #[error("{} holds no PEM private key", .path.display())]
    NoKey {
        /// The file.
        path: PathBuf,
    },
    /// Its PEM is damaged.
    #[error("{} is not valid PEM: {error}", .path.display())]
    Bad {
        /// The file.
        path: PathBuf,
        /// What the PEM reader found.
        error: String,
    },
}

impl PemError {
    /// The error in `lang`, saying what to give instead.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PemError::Read { path, error } => {
                C::PemCannotRead.fill(lang, &[("path", &path.display()), ("error", error)])
            }
            PemError::TooLarge { path } => {
                C::PemTooLarge.fill(lang, &[("path", &path.display()), ("max", &MAX_PEM_BYTES)])
            }
            PemError::NoCertificate { path } => {
                C::PemNoCertificate.fill(lang, &[("path", &path.display())])
            }
            PemError::NoKey { path } => C::PemNoKey.fill(lang, &[("path", &path.display())]),
            PemError::Bad { path, error } => {
                C::PemBad.fill(lang, &[("path", &path.display()), ("error", error)])
            }
        }
    }
}

/// Reads `path`, at most [`MAX_PEM_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, PemError> {
    let read_err = |error| PemError::Read {
        path: path.to_path_buf(),
        error,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut bytes = Vec::new();
    file.take(MAX_PEM_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_PEM_BYTES {
        return Err(PemError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

fn bad(path: &Path, e: &pem::Error) -> PemError {
    PemError::Bad {
        path: path.to_path_buf(),
        error: e.to_string(),
    }
}

/// The certificates in `bytes` (read from `path`), in their order: at least one.
pub fn certificates(path: &Path, bytes: &[u8]) -> Result<Vec<CertificateDer<'static>>, PemError> {
    let certs = CertificateDer::pem_slice_iter(bytes)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| bad(path, &e))?;
    if certs.is_empty() {
        return Err(PemError::NoCertificate {
            path: path.to_path_buf(),
        });
    }
    Ok(certs)
}

/// The first private key in `bytes` (read from `path`).
pub fn private_key(path: &Path, bytes: &[u8]) -> Result<PrivateKeyDer<'static>, PemError> {
    PrivateKeyDer::from_pem_slice(bytes).map_err(|e| match e {
        pem::Error::NoItemsFound => PemError::NoKey {
            path: path.to_path_buf(),
        },
        e => bad(path, &e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_empty_large_or_wrong_file_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("missing.pem");
        let e = read(&missing).unwrap_err();
        assert!(matches!(e, PemError::Read { .. }), "{e}");
        assert!(e.message(Lang::En).contains("missing.pem"));

        let large = dir.path().join("large.pem");
        std::fs::write(&large, vec![b'a'; MAX_PEM_BYTES as usize + 1]).unwrap();
        assert!(matches!(read(&large), Err(PemError::TooLarge { .. })));
        let exact = dir.path().join("exact.pem");
        std::fs::write(&exact, vec![b'a'; MAX_PEM_BYTES as usize]).unwrap();
        assert_eq!(read(&exact).unwrap().len() as u64, MAX_PEM_BYTES);

        let p = Path::new("cert.pem");
        assert!(matches!(
            certificates(p, b"not pem at all"),
            Err(PemError::NoCertificate { .. })
        ));
        assert!(matches!(
            private_key(
                p,
                b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
            ),
            Err(PemError::NoKey { .. })
        ));
        let damaged = b"-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
        let e = certificates(p, damaged).unwrap_err();
        assert!(matches!(e, PemError::Bad { .. }), "{e:?}");
        assert!(e.message(Lang::Ja).contains("cert.pem"));
    }
}
