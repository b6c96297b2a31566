//! `rashomon watch`: start it, change the file, see the new title served; a broken save shows
//! its located error; the event stream announces each new version.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The server, ended when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("response");
    response
}

/// Poll `/` until `want` is in the page; how long it took.
fn wait_for(addr: &str, want: &str, limit: Duration) -> Duration {
    let start = Instant::now();
    loop {
        if get(addr, "/").contains(want) {
            return start.elapsed();
        }
        assert!(
            start.elapsed() < limit,
            "`{want}` not served within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

const TIMELINE: &str =
    "title: First title\nevents:\n  - id: a\n    title: An event\n    when: 2021-03-12\n";

#[test]
fn watch_serves_each_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("t.yaml");
    std::fs::write(&file, TIMELINE).expect("write");
    let child = Command::new(assert_cmd::cargo::cargo_bin("rashomon"))
        .arg("watch")
        .arg(&file)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("starts");
    let mut server = Server(child);
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("announces its address");
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();

    let page = get(&addr, "/");
    assert!(page.starts_with("HTTP/1.1 200 OK"), "{page}");
    assert!(page.contains("<h1>First title</h1>"));
    assert!(
        page.contains("connect-src 'self'"),
        "the live page may reach its server"
    );
    assert!(page.contains("rashomonLive(\"1\")"));

    // The event stream starts with the version being served.
    let mut events = TcpStream::connect(&addr).expect("connects");
    events
        .set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    write!(events, "GET /events HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("request");
    let mut events = BufReader::new(events);
    let mut seen = String::new();
    while !seen.contains("data: 1\n") {
        let mut l = String::new();
        assert!(events.read_line(&mut l).expect("reads") > 0, "{seen}");
        seen.push_str(&l);
    }

    // A save is served within a second.
    let saved = Instant::now();
    std::fs::write(&file, TIMELINE.replace("First title", "Second title")).expect("write");
    wait_for(&addr, "<h1>Second title</h1>", Duration::from_secs(1));
    let latency = saved.elapsed();
    eprintln!("watch: a save was served {latency:?} after it was written");
    let mut l = String::new();
    while !l.starts_with("data: ") {
        l.clear();
        events.read_line(&mut l).expect("the stream announces it");
    }
    assert_ne!(l.trim(), "data: 1");

    // A broken save shows the problem, located, instead of the last good page.
    std::fs::write(
        &file,
        "title: Second title\nevents:\n  - id: a\n    titel: typo\n",
    )
    .expect("write");
    wait_for(&addr, "does not load", Duration::from_secs(5));
    let page = get(&addr, "/");
    assert!(page.contains("t.yaml:4:5: unknown field `titel`"), "{page}");
    assert!(!page.contains("<h1>Second title</h1>"));

    // Fixed: the timeline again, by an editor that saves through a new file and a rename.
    let tmp = dir.path().join(".t.yaml.swp");
    std::fs::write(&tmp, TIMELINE.replace("First title", "Third title")).expect("write");
    std::fs::rename(&tmp, &file).expect("rename");
    wait_for(&addr, "<h1>Third title</h1>", Duration::from_secs(5));

    // Only requests addressed to this machine, and only GET.
    let mut other = TcpStream::connect(&addr).expect("connects");
    write!(other, "GET / HTTP/1.1\r\nHost: attacker.example\r\n\r\n").expect("request");
    let mut response = String::new();
    other.read_to_string(&mut response).expect("response");
    assert!(response.starts_with("HTTP/1.1 403"), "{response}");
    assert!(get(&addr, "/nothing").starts_with("HTTP/1.1 404"));
}
