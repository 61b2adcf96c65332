#![no_main]
//! `cargo +nightly fuzz run small_parsers` (docs/fuzzing.md).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mmis::fuzzing::small_parsers(data);
});
