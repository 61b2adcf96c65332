#![no_main]
//! `cargo +nightly fuzz run toml_form` (docs/fuzzing.md).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mmis::fuzzing::toml_form(data);
});
