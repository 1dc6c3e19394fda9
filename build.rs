//! Prepares the bundled action catalog (`assets/catalog.json.gz`, kept compressed in the
//! repository): inflates it into the build directory, so that the binary embeds the JSON text,
//! and writes where each top-level member and each service is (`catalog_index.rs`), found with
//! the same skim the library runs on other catalog texts. Reading the bundled catalog then
//! costs neither decompression nor a pass over its 4 MB.

use std::fmt::Write as _;
use std::io::Read;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/audit/catalog/scan.rs"]
mod scan;

fn main() {
    let src = "assets/catalog.json.gz";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/audit/catalog/scan.rs");
    let gz = std::fs::read(src).unwrap_or_else(|e| panic!("cannot read `{src}`: {e}"));
    let mut text = String::with_capacity(gz.len() * 16);
    if let Err(e) = flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut text) {
        panic!("`{src}` does not inflate to UTF-8 text: {e}; regenerate it (assets/README.md)");
    }
    let top = scan::members(&text, 0..text.len())
        .unwrap_or_else(|e| panic!("`{src}`: top level: {e}; regenerate it (assets/README.md)"));
    let services = top
        .iter()
        .find(|m| m.key == "services")
        .map(|m| {
            scan::members(&text, m.value.clone())
                .unwrap_or_else(|e| panic!("`{src}`: `services`: {e}; regenerate it"))
        })
        .unwrap_or_default();
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
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for (name, body) in [
        ("catalog.json", text.as_str()),
        ("catalog_index.rs", &index),
    ] {
        let dest = out.join(name);
        std::fs::write(&dest, body)
            .unwrap_or_else(|e| panic!("cannot write `{}`: {e}", dest.display()));
    }
}
