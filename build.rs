//! Prepares the bundled action catalog (`assets/catalog.json.gz`, kept compressed in the
//! repository): inflates it into the build directory, so that the binary embeds the JSON text,
//! and writes where each top-level member and each service is (`catalog_index.rs`), found with
//! the same skim the library runs on other catalog texts. Reading the bundled catalog then
//! costs neither decompression nor a pass over its 4 MB. AWS's service models
//! (`assets/aws-models.json.gz`) are inflated the same way for `account::service_model`.

use std::fmt::Write as _;
use std::io::Read;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/audit/catalog/scan.rs"]
mod scan;

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Does the work; an error says which file is wrong and what to do about it.
fn run() -> Result<(), String> {
    let src = "assets/catalog.json.gz";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/audit/catalog/scan.rs");
    let gz = std::fs::read(src).map_err(|e| format!("cannot read `{src}`: {e}"))?;
    let mut text = String::with_capacity(gz.len() * 16);
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_string(&mut text)
        .map_err(|e| {
            format!("`{src}` does not inflate to UTF-8 text: {e}; regenerate it (assets/README.md)")
        })?;
    let top = scan::members(&text, 0..text.len())
        .map_err(|e| format!("`{src}`: top level: {e}; regenerate it (assets/README.md)"))?;
    let services = match top.iter().find(|m| m.key == "services") {
        Some(m) => scan::members(&text, m.value.clone())
            .map_err(|e| format!("`{src}`: `services`: {e}; regenerate it"))?,
        None => Vec::new(),
    };
    let table = |name: &str, members: &[scan::Member]| {
        let mut s = format!("pub(super) const {name}: &[(&str, usize, usize)] = &[\n");
        for m in members {
            let _ = writeln!(
                s,
                "    ({:?}, {}, {}),",
                &*m.key, m.value.start, m.value.end
            );
        }
        s.push_str("];\n");
        s
    };
    let index = table("TOP", &top) + &table("SERVICES", &services);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("cargo did not set OUT_DIR")?);
    let models = inflate("assets/aws-models.json.gz")?;
    for (name, body) in [
        ("catalog.json", text.as_str()),
        ("catalog_index.rs", &index),
        ("aws-models.json", &models),
    ] {
        let dest = out.join(name);
        std::fs::write(&dest, body)
            .map_err(|e| format!("cannot write `{}`: {e}", dest.display()))?;
    }
    Ok(())
}

/// Inflates a bundled gzip file into its UTF-8 text.
fn inflate(src: &str) -> Result<String, String> {
    println!("cargo:rerun-if-changed={src}");
    let gz = std::fs::read(src).map_err(|e| format!("cannot read `{src}`: {e}"))?;
    let mut text = String::with_capacity(gz.len() * 8);
    flate2::read::GzDecoder::new(gz.as_slice())
        .read_to_string(&mut text)
        .map_err(|e| {
            format!("`{src}` does not inflate to UTF-8 text: {e}; regenerate it (assets/README.md)")
        })?;
    Ok(text)
}
