#![no_main]
//! `cargo +nightly fuzz run x12_835` (docs/fuzzing.md).

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    mmis::fuzzing::x12_835(data);
});
