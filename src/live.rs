//! Live preview: `rashomon watch FILE` renders the timeline, serves the page on 127.0.0.1, and
//! renders it again whenever the file is saved; the open page reloads itself (server-sent
//! events, or polling where a browser has none) and keeps its place.
//!
//! A save that does not load (a YAML slip, a reference to a source that does not exist) is
//! served as a page that shows every problem with its line, column and caret, in place of the
//! timeline, so a broken file never leaves the last good page on screen as if it were current.
//!
//! The server is small on purpose: GET `/` (the page), `/events` (the event stream),
//! `/version` (a number that changes with each render); it answers only requests addressed
//! to the loopback interface, so a web page elsewhere cannot read it through DNS tricks.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::export::text::html as esc;
use crate::render::html::{LIVE_JS, live_page};
use crate::timeline;

/// The page being served and its version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    /// Increases with every render; the page polls for a newer one.
    pub version: u64,
    /// The page (or the problems page) as served.
    pub html: String,
    /// The problems when the file did not load; `None` when the page shows the timeline.
    pub error: Option<String>,
}

/// The state the file watcher updates and the connections read.
#[derive(Debug)]
pub struct Shared {
    snapshot: Mutex<Snapshot>,
    changed: Condvar,
}

impl Shared {
    fn current(&self) -> Snapshot {
        self.snapshot
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn version(&self) -> u64 {
        self.snapshot
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .version
    }

    /// Wait until the version is not `seen`, or `timeout` passes; the version then.
    fn wait_for_change(&self, seen: u64, timeout: Duration) -> u64 {
        let guard = self.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |s| s.version == seen)
            .unwrap_or_else(|e| e.into_inner());
        guard.version
    }
}

/// Render the file at `version`: the page, or a page of its problems.
pub fn render_file(path: &Path, version: u64) -> Snapshot {
    let loaded = timeline::load(path)
        .map_err(|e| e.to_string())
        .and_then(|mut t| {
            timeline::sort_events(&mut t);
            live_page(&t, version).map_err(|e| e.to_string())
        });
    match loaded {
        Ok(html) => Snapshot {
            version,
            html,
            error: None,
        },
        Err(problems) => Snapshot {
            version,
            html: error_page(path, &problems, version),
            error: Some(problems),
        },
    }
}

/// The page shown while the file does not load.
pub fn error_page(path: &Path, problems: &str, version: u64) -> String {
    let script = format!("{LIVE_JS}\nrashomonLive(\"{version}\");");
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         connect-src 'self'; style-src 'unsafe-inline'; script-src {hash}\">\n\
         <title>Problems in {name} · Rashomon</title>\n<style>\
         body {{ font: 1rem/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; \
         padding: 0 1rem; color: #1d1d1b; background: #fbfaf7; }} \
         h1 {{ font-size: 1.4rem; }} pre {{ background: #fff; border: 1px solid #a9a398; \
         border-left: 6px solid #5b3f8c; padding: 1rem; overflow-x: auto; \
         font: 0.9rem/1.45 ui-monospace, \"DejaVu Sans Mono\", monospace; }}\
         </style>\n</head>\n<body>\n<h1>{name} does not load</h1>\n\
         <p>The page is not shown until the file loads again. Fix what is below and save: \
         this page reloads by itself.</p>\n<pre role=\"alert\">{problems}</pre>\n\
         <script>{script}</script>\n</body>\n</html>\n",
        name = esc(&path.display().to_string()),
        problems = esc(problems),
        hash = crate::render::html::script_hash(&script),
    )
}

/// A running preview: the address it serves, and the state behind it.
pub struct Preview {
    /// Where the preview listens (127.0.0.1 and the port).
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    listener: TcpListener,
    path: PathBuf,
}

/// Why the preview could not start.
#[derive(Debug, thiserror::Error)]
pub enum LiveError {
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    /// The port could not be had.
    Bind {
        /// The port asked for.
        port: u16,
        /// Why.
        source: std::io::Error,
    },
    #[error("cannot watch {path}: {message}")]
    /// The file's folder could not be watched.
    Watch {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
}

impl Preview {
    /// Render `path` and listen on 127.0.0.1:`port` (0 for any free port).
    pub fn start(path: &Path, port: u16) -> Result<Preview, LiveError> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|source| LiveError::Bind { port, source })?;
        let addr = listener
            .local_addr()
            .map_err(|source| LiveError::Bind { port, source })?;
        let shared = Arc::new(Shared {
            snapshot: Mutex::new(render_file(path, 1)),
            changed: Condvar::new(),
        });
        Ok(Preview {
            addr,
            shared,
            listener,
            path: path.to_path_buf(),
        })
    }

    /// The problems of the first render, if the file did not load.
    pub fn first_error(&self) -> Option<String> {
        self.shared.current().error
    }

    /// Watch the file and serve until the process ends. `log` hears of every render.
    pub fn run(self, log: impl Fn(&str) + Send + 'static) -> Result<(), LiveError> {
        let shared = Arc::clone(&self.shared);
        let path = self.path.clone();
        let (watcher, events) = watch(&path)?;
        std::thread::spawn(move || rerender_loop(&path, &shared, &events, &log, watcher));
        serve(&self.listener, &self.shared, self.addr);
        Ok(())
    }
}

/// Start watching the file's folder (editors often save by writing a new file and renaming
/// it over the old one, which a watch on the file itself would miss). The watcher must be
/// kept alive; the receiver hears of every change in the folder.
#[allow(clippy::type_complexity)]
fn watch(
    path: &Path,
) -> Result<
    (
        Box<dyn notify::Watcher + Send>,
        mpsc::Receiver<notify::Result<notify::Event>>,
    ),
    LiveError,
> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let fail = |e: notify::Error| LiveError::Watch {
        path: dir.display().to_string(),
        message: e.to_string(),
    };
    let (tx, rx) = mpsc::channel();
    let mut watcher: Box<dyn notify::Watcher + Send> = match notify::recommended_watcher(tx.clone())
    {
        Ok(w) => Box::new(w),
        // No inotify (or out of watches): look at the folder five times a second.
        Err(_) => Box::new(
            notify::PollWatcher::new(
                tx,
                notify::Config::default().with_poll_interval(Duration::from_millis(200)),
            )
            .map_err(fail)?,
        ),
    };
    watcher
        .watch(&dir, notify::RecursiveMode::NonRecursive)
        .map_err(fail)?;
    Ok((watcher, rx))
}

fn rerender_loop(
    path: &Path,
    shared: &Shared,
    events: &mpsc::Receiver<notify::Result<notify::Event>>,
    log: &dyn Fn(&str),
    _watcher: Box<dyn notify::Watcher + Send>,
) {
    let name = path.file_name().map(|n| n.to_os_string());
    let concerns = |e: &notify::Result<notify::Event>| match e {
        Ok(e) => e
            .paths
            .iter()
            .any(|p| p.file_name().map(|n| n.to_os_string()) == name),
        Err(_) => true,
    };
    while let Ok(first) = events.recv() {
        if !concerns(&first) {
            continue;
        }
        // A save is often several events (truncate, write, rename): let them settle.
        let settle = Instant::now() + Duration::from_millis(30);
        while let Some(left) = settle.checked_duration_since(Instant::now()) {
            if events.recv_timeout(left).is_err() {
                break;
            }
        }
        let started = Instant::now();
        let version = shared.version() + 1;
        let next = render_file(path, version);
        let mut current = shared.snapshot.lock().unwrap_or_else(|e| e.into_inner());
        // The same page again (a save without changes): nothing to reload.
        let same = current.error == next.error
            && strip_version(&current.html, current.version) == strip_version(&next.html, version);
        if same {
            continue;
        }
        let ms = started.elapsed().as_millis();
        match &next.error {
            None => log(&format!("{}: rendered in {ms} ms", path.display())),
            Some(problems) => log(&format!("{}: does not load\n{problems}", path.display())),
        }
        *current = next;
        drop(current);
        shared.changed.notify_all();
    }
}

fn strip_version(html: &str, version: u64) -> String {
    html.replace(&format!("rashomonLive(\"{version}\")"), "")
}

/// Connections served at once; more are turned away.
const MAX_CONNECTIONS: usize = 64;

fn serve(listener: &TcpListener, shared: &Arc<Shared>, addr: SocketAddr) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.load(Ordering::SeqCst) >= MAX_CONNECTIONS {
            let _ = respond(
                &mut stream,
                "503 Service Unavailable",
                "text/plain",
                b"busy\n",
            );
            continue;
        }
        let shared = Arc::clone(shared);
        let open = Arc::clone(&open);
        open.fetch_add(1, Ordering::SeqCst);
        std::thread::spawn(move || {
            let _ = handle(stream, &shared, addr);
            open.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// The request line's method and path, and the Host header.
fn read_request(stream: &TcpStream) -> std::io::Result<(String, String, Option<String>)> {
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    // A request head is small: read at most 16 KiB of it, whatever is sent.
    let mut reader = BufReader::new(stream.take(16 * 1024));
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("").to_string();
    let mut host = None;
    let mut total = line.len();
    loop {
        let mut header = String::new();
        let n = reader.read_line(&mut header)?;
        total += n;
        if n == 0 || header == "\r\n" || header == "\n" || total > 16 * 1024 {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("host")
        {
            host = Some(value.trim().to_string());
        }
    }
    Ok((method, target, host))
}

fn respond(stream: &mut TcpStream, status: &str, kind: &str, body: &[u8]) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         Referrer-Policy: no-referrer\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

/// Hosts a browser on this machine uses for us: anything else is a page elsewhere trying to
/// reach the preview through a name that points here.
fn local_host(host: &str, addr: SocketAddr) -> bool {
    let port = addr.port();
    [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        "127.0.0.1".to_string(),
        "localhost".to_string(),
    ]
    .iter()
    .any(|h| h.eq_ignore_ascii_case(host))
}

fn handle(mut stream: TcpStream, shared: &Shared, addr: SocketAddr) -> std::io::Result<()> {
    let (method, target, host) = read_request(&stream)?;
    if !host.as_deref().is_some_and(|h| local_host(h, addr)) {
        return respond(&mut stream, "403 Forbidden", "text/plain", b"forbidden\n");
    }
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"GET only\n",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("");
    match path {
        "/" | "/index.html" => {
            let snapshot = shared.current();
            let body = if method == "HEAD" {
                &b""[..]
            } else {
                snapshot.html.as_bytes()
            };
            respond(&mut stream, "200 OK", "text/html; charset=utf-8", body)
        }
        "/version" => {
            let body = shared.version().to_string();
            respond(&mut stream, "200 OK", "text/plain", body.as_bytes())
        }
        "/events" => events(stream, shared),
        _ => respond(&mut stream, "404 Not Found", "text/plain", b"not found\n"),
    }
}

/// The event stream: the version now, then each new version as it comes; a comment every
/// 15 s keeps the connection open and tells us when the page has gone.
fn events(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          X-Content-Type-Options: nosniff\r\nConnection: keep-alive\r\n\r\nretry: 500\n\n",
    )?;
    let mut seen = shared.version();
    stream.write_all(format!("data: {seen}\n\n").as_bytes())?;
    stream.flush()?;
    loop {
        let now = shared.wait_for_change(seen, Duration::from_secs(15));
        if now == seen {
            stream.write_all(b": still here\n\n")?;
        } else {
            seen = now;
            stream.write_all(format!("data: {seen}\n\n").as_bytes())?;
        }
        stream.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_hosts() {
        let addr: SocketAddr = "127.0.0.1:8123".parse().unwrap();
        assert!(local_host("127.0.0.1:8123", addr));
        assert!(local_host("LOCALHOST:8123", addr));
        assert!(!local_host("evil.example:8123", addr));
        assert!(!local_host("127.0.0.1:9999", addr));
    }

    #[test]
    fn error_pages_escape_the_problems() {
        let page = error_page(Path::new("t<.yaml"), "t.yaml:1:1: <script>", 3);
        assert!(page.contains("&lt;script&gt;"));
        assert!(!page.contains("<script>t"));
        assert!(page.contains("rashomonLive(\"3\")"));
    }
}
