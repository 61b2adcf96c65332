//! One connection over either backend: the embedded SQLite file or a PostgreSQL server.
//!
//! Store modules write SQL once, in the dialect both accept (`?1` placeholders,
//! `INSERT … ON CONFLICT`, `RETURNING id`), bind [`Param`]s and read [`Row`]s; this module
//! turns placeholders into `$1` for PostgreSQL, caches prepared statements on both, and maps
//! each backend's failures onto our error kinds (anything about reaching or using the store
//! itself is exit 8). The few places where the backends really differ ask [`Conn::backend`].

use crate::error::{Error, Result};
use postgres::types::{IsNull, ToSql, Type};
use std::cell::RefCell;
use std::collections::HashMap;

/// Which database engine holds the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A value bound to a placeholder.
#[derive(Debug, Clone, Copy)]
pub enum Val<'a> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'a str),
    Blob(&'a [u8]),
    /// A date, bound as the `YYYY-MM-DD` text the store keeps.
    Date(chrono::NaiveDate),
    /// A list as one parameter: SQLite's `rarray(?1)`, PostgreSQL's `CAST(?1 AS TEXT[])`.
    TextList(&'a [&'a str]),
    /// A list as one parameter: SQLite's `rarray(?1)`, PostgreSQL's `CAST(?1 AS BIGINT[])`.
    IntList(&'a [i64]),
}

/// Anything that can be bound to a placeholder.
pub trait Param {
    fn val(&self) -> Val<'_>;
}

macro_rules! int_param {
    ($($t:ty),*) => {$(
        impl Param for $t {
            fn val(&self) -> Val<'_> {
                Val::Int(*self as i64)
            }
        }
    )*};
}
int_param!(i64, i32, i16, u8, u16, u32);

impl Param for usize {
    fn val(&self) -> Val<'_> {
        Val::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}
impl Param for u64 {
    fn val(&self) -> Val<'_> {
        Val::Int(i64::try_from(*self).unwrap_or(i64::MAX))
    }
}
impl Param for bool {
    fn val(&self) -> Val<'_> {
        Val::Int(i64::from(*self))
    }
}
impl Param for f64 {
    fn val(&self) -> Val<'_> {
        Val::Real(*self)
    }
}
impl Param for str {
    fn val(&self) -> Val<'_> {
        Val::Text(self)
    }
}
impl Param for String {
    fn val(&self) -> Val<'_> {
        Val::Text(self)
    }
}
impl Param for [u8] {
    fn val(&self) -> Val<'_> {
        Val::Blob(self)
    }
}
impl Param for Vec<u8> {
    fn val(&self) -> Val<'_> {
        Val::Blob(self)
    }
}
impl<T: Param + ?Sized> Param for &T {
    fn val(&self) -> Val<'_> {
        (**self).val()
    }
}
impl<T: Param> Param for Option<T> {
    fn val(&self) -> Val<'_> {
        match self {
            Some(v) => v.val(),
            None => Val::Null,
        }
    }
}
impl Param for Val<'_> {
    fn val(&self) -> Val<'_> {
        *self
    }
}

/// `params![a, b, c]`: the placeholders' values, in order.
#[macro_export]
macro_rules! params {
    () => { &[] as &[&dyn $crate::store::db::Param] };
    ($($p:expr),+ $(,)?) => { &[$(&$p as &dyn $crate::store::db::Param),+] as &[&dyn $crate::store::db::Param] };
}
pub use crate::params;

/// One column of a result row, as either backend gives it.
#[derive(Debug, Clone, Copy)]
pub enum Cell<'r> {
    Null,
    Int(i64),
    Real(f64),
    Text(&'r str),
    Blob(&'r [u8]),
}

/// A failure reading a row: a column of the wrong kind, or the backend's own error.
#[derive(Debug)]
pub enum DbError {
    Lite(rusqlite::Error),
    Pg(postgres::Error),
    /// Column `index` could not be read as the type asked for.
    Column {
        index: usize,
        detail: String,
    },
    NoRows,
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> Self {
        match e {
            rusqlite::Error::QueryReturnedNoRows => DbError::NoRows,
            e => DbError::Lite(e),
        }
    }
}
impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> Self {
        DbError::Pg(e)
    }
}

pub type RowResult<T> = std::result::Result<T, DbError>;

/// Types a column can be read as.
pub trait FromCell: Sized {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String>;
}

impl FromCell for i64 {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        match c {
            Cell::Int(i) => Ok(i),
            Cell::Real(f) if f.fract() == 0.0 && f.abs() < 9.0e18 => Ok(f as i64),
            Cell::Text(t) => t.trim().parse().map_err(|_| format!("not a number: {t:?}")),
            other => Err(format!("expected a whole number, got {other:?}")),
        }
    }
}
impl FromCell for i32 {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        let i = i64::from_cell(c)?;
        i32::try_from(i).map_err(|_| format!("{i} is out of range"))
    }
}
impl FromCell for u32 {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        let i = i64::from_cell(c)?;
        u32::try_from(i).map_err(|_| format!("{i} is out of range"))
    }
}
impl FromCell for u64 {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        let i = i64::from_cell(c)?;
        u64::try_from(i).map_err(|_| format!("{i} is out of range"))
    }
}
impl FromCell for usize {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        let i = i64::from_cell(c)?;
        usize::try_from(i).map_err(|_| format!("{i} is out of range"))
    }
}
impl FromCell for bool {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        Ok(i64::from_cell(c)? != 0)
    }
}
impl FromCell for f64 {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        match c {
            Cell::Int(i) => Ok(i as f64),
            Cell::Real(f) => Ok(f),
            other => Err(format!("expected a number, got {other:?}")),
        }
    }
}
impl FromCell for String {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        match c {
            Cell::Text(t) => Ok(t.to_string()),
            Cell::Int(i) => Ok(i.to_string()),
            Cell::Blob(b) => String::from_utf8(b.to_vec()).map_err(|_| "not UTF-8 text".into()),
            other => Err(format!("expected text, got {other:?}")),
        }
    }
}
impl FromCell for Vec<u8> {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        match c {
            Cell::Blob(b) => Ok(b.to_vec()),
            Cell::Text(t) => Ok(t.as_bytes().to_vec()),
            other => Err(format!("expected bytes, got {other:?}")),
        }
    }
}
impl<T: FromCell> FromCell for Option<T> {
    fn from_cell(c: Cell<'_>) -> std::result::Result<Self, String> {
        match c {
            Cell::Null => Ok(None),
            c => T::from_cell(c).map(Some),
        }
    }
}

/// A result row of either backend.
pub enum Row<'r> {
    Lite(&'r rusqlite::Row<'r>),
    Pg(&'r postgres::Row),
}

impl Row<'_> {
    /// Column `i` (from 0) as `T`.
    pub fn get<T: FromCell>(&self, i: usize) -> RowResult<T> {
        self.with_cell(i, |c| T::from_cell(c))
    }

    /// Calls `f` with column `i` as it is stored, without copying text or bytes.
    pub fn with_cell<T>(
        &self,
        i: usize,
        f: impl FnOnce(Cell<'_>) -> std::result::Result<T, String>,
    ) -> RowResult<T> {
        let column = |detail: String| DbError::Column {
            index: i,
            detail: match self.column_name(i) {
                Some(name) => format!("{name}: {detail}"),
                None => detail,
            },
        };
        match self {
            Row::Lite(r) => {
                use rusqlite::types::ValueRef as V;
                let cell = match r.get_ref(i)? {
                    V::Null => Cell::Null,
                    V::Integer(n) => Cell::Int(n),
                    V::Real(x) => Cell::Real(x),
                    V::Text(t) => Cell::Text(
                        std::str::from_utf8(t).map_err(|_| column("not UTF-8 text".into()))?,
                    ),
                    V::Blob(b) => Cell::Blob(b),
                };
                f(cell).map_err(column)
            }
            Row::Pg(r) => {
                let raw: PgCell<'_> = r.try_get(i)?;
                f(raw.0).map_err(column)
            }
        }
    }

    /// The name of column `i`, as the query gives it.
    pub fn column_name(&self, i: usize) -> Option<&str> {
        match self {
            Row::Lite(r) => r.as_ref().column_name(i).ok(),
            Row::Pg(r) => r.columns().get(i).map(|c| c.name()),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Row::Lite(r) => r.as_ref().column_count(),
            Row::Pg(r) => r.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Any PostgreSQL column, decoded from the binary format into a [`Cell`].
struct PgCell<'r>(Cell<'r>);

impl<'r> postgres::types::FromSql<'r> for PgCell<'r> {
    fn from_sql(
        ty: &Type,
        raw: &'r [u8],
    ) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        let cell = match *ty {
            Type::INT8 => Cell::Int(i64::from_sql(ty, raw)?),
            Type::INT4 => Cell::Int(i64::from(i32::from_sql(ty, raw)?)),
            Type::INT2 => Cell::Int(i64::from(i16::from_sql(ty, raw)?)),
            Type::OID => Cell::Int(i64::from(u32::from_sql(ty, raw)?)),
            Type::BOOL => Cell::Int(i64::from(bool::from_sql(ty, raw)?)),
            Type::FLOAT8 => Cell::Real(f64::from_sql(ty, raw)?),
            Type::FLOAT4 => Cell::Real(f64::from(f32::from_sql(ty, raw)?)),
            Type::NUMERIC => numeric(raw)?,
            Type::BYTEA => Cell::Blob(raw),
            _ => Cell::Text(std::str::from_utf8(raw)?),
        };
        Ok(PgCell(cell))
    }

    fn from_sql_null(
        _: &Type,
    ) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        Ok(PgCell(Cell::Null))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// PostgreSQL's binary NUMERIC (what `sum()` of a BIGINT column gives): a whole number
/// becomes [`Cell::Int`], anything else [`Cell::Real`].
fn numeric(
    raw: &[u8],
) -> std::result::Result<Cell<'static>, Box<dyn std::error::Error + Sync + Send>> {
    let word = |i: usize| -> std::result::Result<i16, String> {
        raw.get(i * 2..i * 2 + 2)
            .map(|b| i16::from_be_bytes([b[0], b[1]]))
            .ok_or_else(|| "short NUMERIC".to_string())
    };
    let ndigits = word(0)?.max(0) as usize;
    let weight = i32::from(word(1)?);
    let sign = word(2)? as u16;
    if sign == 0xC000 {
        return Err("NaN is not a number we store".into());
    }
    let mut whole: i128 = 0;
    let mut frac = 0.0f64;
    for i in 0..ndigits {
        let d = i128::from(word(4 + i)?);
        let power = weight - i as i32;
        if power >= 0 {
            whole = whole
                .checked_mul(10_000)
                .and_then(|w| w.checked_add(d))
                .ok_or("NUMERIC out of range")?;
        } else {
            frac += d as f64 * 10_000f64.powi(power);
        }
    }
    // Trailing zero groups of a whole number are not sent: scale up to the weight.
    let sent_whole = (ndigits as i32).min(weight + 1).max(0);
    for _ in sent_whole..(weight + 1).max(0) {
        whole = whole.checked_mul(10_000).ok_or("NUMERIC out of range")?;
    }
    let negative = sign == 0x4000;
    if frac == 0.0 {
        let v = i64::try_from(whole).map_err(|_| "NUMERIC out of range")?;
        return Ok(Cell::Int(if negative { -v } else { v }));
    }
    let v = whole as f64 + frac;
    Ok(Cell::Real(if negative { -v } else { v }))
}

impl ToSql for Val<'_> {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match (self, ty) {
            (Val::Null, _) => Ok(IsNull::Yes),
            (Val::Int(i), &Type::INT8) => i.to_sql(ty, out),
            (Val::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Val::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Val::Int(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Val::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Val::Int(i), &Type::FLOAT4) => (*i as f32).to_sql(ty, out),
            (Val::Int(i), _) => i.to_string().as_str().to_sql(&Type::TEXT, out),
            (Val::Real(x), &Type::FLOAT4) => (*x as f32).to_sql(ty, out),
            (Val::Real(x), &Type::FLOAT8) => x.to_sql(ty, out),
            (Val::Real(x), _) => x.to_string().as_str().to_sql(&Type::TEXT, out),
            (Val::Text(s), &Type::INT8) => s.trim().parse::<i64>()?.to_sql(ty, out),
            (Val::Text(s), &Type::INT4) => s.trim().parse::<i32>()?.to_sql(ty, out),
            (Val::Text(s), &Type::BYTEA) => s.as_bytes().to_sql(ty, out),
            (Val::Text(s), _) => s.to_sql(&Type::TEXT, out),
            (Val::Date(d), _) => date_text(*d).as_str().to_sql(&Type::TEXT, out),
            (Val::Blob(b), &Type::BYTEA) => b.to_sql(ty, out),
            (Val::Blob(b), _) => std::str::from_utf8(b)?.to_sql(&Type::TEXT, out),
            (Val::TextList(l), _) => l.to_sql(&Type::TEXT_ARRAY, out),
            (Val::IntList(l), _) => l.to_sql(&Type::INT8_ARRAY, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

impl rusqlite::ToSql for Val<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value, ValueRef};
        Ok(ToSqlOutput::Borrowed(match *self {
            Val::Null => ValueRef::Null,
            Val::Int(i) => ValueRef::Integer(i),
            Val::Real(x) => ValueRef::Real(x),
            Val::Text(s) => ValueRef::Text(s.as_bytes()),
            Val::Blob(b) => ValueRef::Blob(b),
            Val::Date(d) => return Ok(ToSqlOutput::Owned(Value::Text(date_text(d)))),
            // `rarray(?N)` takes its list as an owned array.
            Val::TextList(l) => {
                let v = l.iter().map(|s| Value::Text(s.to_string())).collect();
                return Ok(ToSqlOutput::Array(std::rc::Rc::new(v)));
            }
            Val::IntList(l) => {
                let v = l.iter().map(|&i| Value::Integer(i)).collect();
                return Ok(ToSqlOutput::Array(std::rc::Rc::new(v)));
            }
        }))
    }
}

/// A date as the store keeps it: `YYYY-MM-DD`, the year in four digits.
pub fn date_text(d: chrono::NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `?1` / `?` placeholders as PostgreSQL's `$1`, leaving quoted text alone.
pub fn pg_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 8);
    let mut next = 1u32;
    let mut chars = sql.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == q {
                quote = None;
            }
            continue;
        }
        match c {
            '\'' | '"' => {
                quote = Some(c);
                out.push(c);
            }
            '?' => {
                let mut digits = String::new();
                while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                    digits.push(d);
                    chars.next();
                }
                if digits.is_empty() {
                    out.push_str(&format!("${next}"));
                    next += 1;
                } else {
                    out.push('$');
                    out.push_str(&digits);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A PostgreSQL client and its prepared statements.
pub struct PgConn {
    pub(crate) client: postgres::Client,
    stmts: HashMap<String, postgres::Statement>,
}

impl PgConn {
    pub(crate) fn new(client: postgres::Client) -> PgConn {
        PgConn {
            client,
            stmts: HashMap::new(),
        }
    }

    fn statement(
        &mut self,
        sql: &str,
    ) -> std::result::Result<postgres::Statement, postgres::Error> {
        if let Some(s) = self.stmts.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(&pg_sql(sql))?;
        if self.stmts.len() > 256 {
            self.stmts.clear();
        }
        self.stmts.insert(sql.to_string(), s.clone());
        Ok(s)
    }
}

enum Inner {
    Lite(rusqlite::Connection),
    Pg(Box<RefCell<PgConn>>),
}

/// An open connection to the store. `location` names it in messages (a file path, or a
/// server URL without its password).
pub struct Conn {
    inner: Inner,
    location: String,
}

fn vals<'a>(params: &'a [&'a dyn Param]) -> Vec<Val<'a>> {
    params.iter().map(|p| p.val()).collect()
}

fn pg_refs<'a>(vals: &'a [Val<'a>]) -> Vec<&'a (dyn ToSql + Sync)> {
    vals.iter().map(|v| v as &(dyn ToSql + Sync)).collect()
}

impl Conn {
    pub(crate) fn sqlite(conn: rusqlite::Connection, location: String) -> Conn {
        Conn {
            inner: Inner::Lite(conn),
            location,
        }
    }

    pub(crate) fn postgres(client: postgres::Client, location: String) -> Conn {
        Conn {
            inner: Inner::Pg(Box::new(RefCell::new(PgConn::new(client)))),
            location,
        }
    }

    pub fn backend(&self) -> Backend {
        match self.inner {
            Inner::Lite(_) => Backend::Sqlite,
            Inner::Pg(_) => Backend::Postgres,
        }
    }

    pub fn location(&self) -> &str {
        &self.location
    }

    /// The SQLite connection, for what only SQLite has (pragmas, online backup, `rarray`).
    pub(crate) fn lite(&self) -> Option<&rusqlite::Connection> {
        match &self.inner {
            Inner::Lite(c) => Some(c),
            Inner::Pg(_) => None,
        }
    }

    /// The PostgreSQL client, for what only PostgreSQL has (`COPY`).
    #[allow(dead_code)]
    pub(crate) fn pg(&self) -> Option<std::cell::RefMut<'_, PgConn>> {
        match &self.inner {
            Inner::Lite(_) => None,
            Inner::Pg(c) => Some(c.borrow_mut()),
        }
    }

    /// Maps a failure onto our error kinds, naming the store.
    pub fn error(&self, e: DbError) -> Error {
        match e {
            DbError::Lite(e) => super::map_sql_error(std::path::Path::new(&self.location), e),
            DbError::Pg(e) => super::pg::map_error(&self.location, &e),
            DbError::Column { index, detail } => Error::tampered(format!(
                "the store {} holds a value mmis does not write (column {index}, {detail})",
                self.location
            )),
            DbError::NoRows => Error::internal("store error: a row that must exist is missing"),
        }
    }

    fn fail<T>(&self, r: RowResult<T>) -> Result<T> {
        r.map_err(|e| self.error(e))
    }

    /// Runs statements without parameters (DDL, `BEGIN`, `COMMIT`).
    pub fn batch(&self, sql: &str) -> Result<()> {
        let r: RowResult<()> = match &self.inner {
            Inner::Lite(c) => c.execute_batch(sql).map_err(DbError::from),
            Inner::Pg(c) => c
                .borrow_mut()
                .client
                .batch_execute(sql)
                .map_err(DbError::from),
        };
        self.fail(r)
    }

    /// Runs one statement; the number of rows it changed.
    pub fn execute(&self, sql: &str, params: &[&dyn Param]) -> Result<u64> {
        let vals = vals(params);
        let r: RowResult<u64> = match &self.inner {
            Inner::Lite(c) => c
                .prepare_cached(sql)
                .and_then(|mut s| s.execute(rusqlite::params_from_iter(vals.iter())))
                .map(|n| n as u64)
                .map_err(DbError::from),
            Inner::Pg(c) => {
                let mut c = c.borrow_mut();
                c.statement(sql)
                    .and_then(|s| c.client.execute(&s, &pg_refs(&vals)))
                    .map_err(DbError::from)
            }
        };
        self.fail(r)
    }

    /// Calls `f` for each row, in order, without holding them all; `f` may stop early
    /// with `Ok(false)`.
    pub fn each(
        &self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(&Row<'_>) -> RowResult<bool>,
    ) -> Result<()> {
        let vals = vals(params);
        let r: RowResult<()> = (|| match &self.inner {
            Inner::Lite(c) => {
                let mut s = c.prepare_cached(sql)?;
                let mut rows = s.query(rusqlite::params_from_iter(vals.iter()))?;
                while let Some(r) = rows.next()? {
                    if !f(&Row::Lite(r))? {
                        break;
                    }
                }
                Ok(())
            }
            Inner::Pg(c) => {
                use fallible_iterator::FallibleIterator;
                let mut c = c.borrow_mut();
                let s = c.statement(sql)?;
                let mut it = c.client.query_raw(&s, vals.iter())?;
                while let Some(r) = it.next()? {
                    if !f(&Row::Pg(&r))? {
                        break;
                    }
                }
                Ok(())
            }
        })();
        self.fail(r)
    }

    /// Every row, each turned into a `T` by `f`.
    pub fn query<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        mut f: impl FnMut(&Row<'_>) -> RowResult<T>,
    ) -> Result<Vec<T>> {
        let mut out = Vec::new();
        self.each(sql, params, |r| {
            out.push(f(r)?);
            Ok(true)
        })?;
        Ok(out)
    }

    /// The first row, if there is one.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row<'_>) -> RowResult<T>,
    ) -> Result<Option<T>> {
        let mut f = Some(f);
        let mut out = None;
        self.each(sql, params, |r| {
            if let Some(f) = f.take() {
                out = Some(f(r)?);
            }
            Ok(false)
        })?;
        Ok(out)
    }

    /// The first row, which must exist.
    pub fn query_row<T>(
        &self,
        sql: &str,
        params: &[&dyn Param],
        f: impl FnOnce(&Row<'_>) -> RowResult<T>,
    ) -> Result<T> {
        match self.query_opt(sql, params, f)? {
            Some(v) => Ok(v),
            None => Err(self.error(DbError::NoRows)),
        }
    }

    /// The first column of the first row.
    pub fn value<T: FromCell>(&self, sql: &str, params: &[&dyn Param]) -> Result<T> {
        self.query_row(sql, params, |r| r.get(0))
    }

    /// Runs an `INSERT` of one row written with a final `RETURNING id`, and gives that id.
    /// PostgreSQL runs it as written. SQLite runs it without the `RETURNING` clause and
    /// reads the row id from the connection: SQLite carries out `RETURNING` as a trigger,
    /// which makes the statement one that may need undoing part-way, so inside a longer
    /// transaction it would copy every page it changes (the table's and each index's) to
    /// a statement journal first; a plain one-row `INSERT` checks every constraint before
    /// it writes, and needs none.
    pub fn insert_id(&self, sql: &str, params: &[&dyn Param]) -> Result<i64> {
        match &self.inner {
            Inner::Lite(c) => {
                let body = sql.trim_end();
                let Some(body) = body
                    .strip_suffix("RETURNING id")
                    .filter(|b| b.ends_with(char::is_whitespace))
                else {
                    return Err(Error::internal(format!(
                        "insert_id needs an INSERT ending in RETURNING id: {sql}"
                    )));
                };
                self.execute(body, params)?;
                Ok(c.last_insert_rowid())
            }
            Inner::Pg(_) => self.value(sql, params),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_quotes() {
        assert_eq!(
            pg_sql("SELECT a FROM t WHERE a = ?1 AND b = '?2' AND c = ?12"),
            "SELECT a FROM t WHERE a = $1 AND b = '?2' AND c = $12"
        );
        assert_eq!(pg_sql("VALUES (?, ?, \"x?\")"), "VALUES ($1, $2, \"x?\")");
    }

    fn num(words: &[i16]) -> Cell<'static> {
        let raw: Vec<u8> = words.iter().flat_map(|w| w.to_be_bytes()).collect();
        numeric(&raw).unwrap()
    }

    #[test]
    fn numeric_whole_numbers_read_as_integers() {
        // 0: no digits
        assert!(matches!(num(&[0, 0, 0, 0]), Cell::Int(0)));
        // 12345 = 1 * 10000 + 2345, weight 1
        assert!(matches!(num(&[2, 1, 0, 0, 1, 2345]), Cell::Int(12345)));
        // 20000 = 2 * 10000 (trailing zero group dropped), weight 1
        assert!(matches!(num(&[1, 1, 0, 0, 2]), Cell::Int(20000)));
        // -7
        assert!(matches!(num(&[1, 0, 0x4000, 0, 7]), Cell::Int(-7)));
        // 1.5 = 1 + 5000/10000
        assert!(matches!(num(&[2, 0, 0, 1, 1, 5000]), Cell::Real(x) if (x - 1.5).abs() < 1e-9));
    }
}
