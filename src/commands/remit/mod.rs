//! `remit post`: remittance advice (835) for the biller.

pub mod post;
