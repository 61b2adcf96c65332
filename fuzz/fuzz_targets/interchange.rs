#![no_main]
//! `cargo +nightly fuzz run interchange` (docs/fuzzing.md).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mmis::fuzzing::interchange(data);
});
