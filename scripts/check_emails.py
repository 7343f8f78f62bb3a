#!/usr/bin/env python3
"""Independent check of the .eml files mentormatch writes (Python stdlib only).

Usage: scripts/check_emails.py DIR...

Every *.eml under each DIR is parsed with email.parser.BytesParser and
email.policy.default with raise_on_defect=True, then checked:
  - CRLF line ends only, no line over 998 octets, header lines within 78
    unless a single unbreakable address forces more, QP body lines within 76;
  - the required headers appear exactly once and parse without defects;
    addresses are valid (RFC 5322 dot-atom or quoted local part, RFC 5321
    lengths); the Message-ID does not contain the recipient's local part;
  - no unexpected header (an injected Bcc would show up here);
  - the body is multipart/alternative: text/plain then text/html, both
    UTF-8 and quoted-printable, both decoding cleanly;
  - where NAME.expected.json sits beside NAME.eml: subject, recipient,
    display name, text and HTML bodies round-trip exactly.
Exits 1 listing every failure.
"""
import email
import email.header
import email.parser
import email.policy
import json
import re
import sys
from pathlib import Path

POLICY = email.policy.default.clone(raise_on_defect=True)
ALLOWED = {
    "from", "to", "cc", "reply-to", "subject", "date", "message-id", "mime-version",
    "auto-submitted", "x-mentormatch-kind", "x-mentormatch-run", "content-type",
}
REQUIRED = ["from", "to", "subject", "date", "message-id", "mime-version", "content-type"]
ATEXT = r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]"
DOT_ATOM = rf"{ATEXT}+(?:\.{ATEXT}+)*"
QUOTED = r'"(?:[\x20\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"'
LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
ADDR = re.compile(rf"^(?:{DOT_ATOM}|{QUOTED})@{LABEL}(?:\.{LABEL})+$")


def valid_address(addr_spec: str) -> bool:
    if not ADDR.match(addr_spec):
        return False
    local, _, domain = addr_spec.rpartition("@")
    return len(local.encode()) <= 64 and len(domain.encode()) <= 255 and len(addr_spec.encode()) + 2 <= 256


def check_raw(data: bytes, fail):
    if b"\r\n" not in data:
        fail("no CRLF line ends")
    for number, line in enumerate(data.split(b"\r\n"), 1):
        if b"\r" in line or b"\n" in line:
            fail(f"line {number}: bare CR or LF")
        if len(line) > 998:
            fail(f"line {number}: {len(line)} octets (limit 998)")
    head, _, body = data.partition(b"\r\n\r\n")
    for number, line in enumerate(head.split(b"\r\n"), 1):
        if len(line) > 78 and not re.fullmatch(rb"(?:To: | |Message-ID: )<[^<>]+>,?", line):
            fail(f"header line {number}: {len(line)} characters (limit 78 where possible)")
        if not line.startswith((b" ", b"\t")) and b":" not in line:
            fail(f"header line {number}: not a header field")
        if any(b > 0x7E for b in line):
            fail(f"header line {number}: raw non-ASCII byte")
    in_qp = False
    for line in body.split(b"\r\n"):
        if line.lower().startswith(b"content-transfer-encoding: quoted-printable"):
            in_qp = True
        elif line.startswith(b"--"):
            in_qp = False
        elif in_qp and len(line) > 76:
            fail(f"quoted-printable line of {len(line)} characters (limit 76)")


def head_fields(data: bytes) -> dict:
    """Raw header fields (first occurrence), unfolded, names lowercased."""
    fields = {}
    last = None
    for line in data.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace").split("\r\n"):
        if line[:1] in (" ", "\t") and last:
            fields[last] += line
        elif ":" in line:
            last, value = line.split(":", 1)
            last = last.lower()
            fields.setdefault(last, value.lstrip())
    return fields


def check_display_name(raw_to: str, parsed: str, expected: str, fail):
    """RFC 2047 section 6.2: whitespace between adjacent encoded-words is not
    part of the text. email.header.decode_header implements that rule; the
    headerregistry phrase parser of Python 3.11 keeps such whitespace
    (a known CPython limitation), so for names split over several
    encoded-words it is compared with whitespace removed."""
    phrase = raw_to[: raw_to.rfind("<")].strip() if "<" in raw_to else ""
    if "=?" in phrase:
        decoded = "".join(
            part.decode(charset or "ascii") if isinstance(part, bytes) else part
            for part, charset in email.header.decode_header(phrase)
        )
        if decoded != expected:
            fail(f"display name does not round-trip (RFC 2047 decoding): got {decoded!r}, expected {expected!r}")
        if re.sub(r"\s+", "", parsed or "") != re.sub(r"\s+", "", expected):
            fail(f"display name does not round-trip: got {parsed!r}, expected {expected!r}")
    elif parsed != expected:
        fail(f"display name does not round-trip: got {parsed!r}, expected {expected!r}")


def check_file(path: Path) -> list:
    failures = []

    def fail(message):
        failures.append(f"{path}: {message}")

    data = path.read_bytes()
    check_raw(data, fail)
    try:
        message = email.parser.BytesParser(policy=POLICY).parsebytes(data)
    except Exception as error:  # the parser raises on any defect
        fail(f"does not parse: {error!r}")
        return failures
    if message.defects:
        fail(f"message defects: {message.defects}")
    names = [name.lower() for name in message.keys()]
    for name in names:
        if name not in ALLOWED:
            fail(f"unexpected header '{name}'")
    for name in REQUIRED:
        if names.count(name) != 1:
            fail(f"header '{name}' appears {names.count(name)} times")
    for name in set(names):
        try:
            header = message[name]
        except Exception as error:
            fail(f"header '{name}' does not parse: {error!r}")
            continue
        if getattr(header, "defects", None):
            fail(f"header '{name}' defects: {header.defects}")
        if "\r" in str(header) or "\n" in str(header):
            fail(f"header '{name}' holds a line break after decoding")
    for name in ("from", "to", "cc", "reply-to"):
        if name in names:
            for address in message[name].addresses:
                if not valid_address(address.addr_spec):
                    fail(f"header '{name}': invalid address")
    if message["date"].datetime is None:
        fail("Date does not parse")
    message_id = str(message["message-id"])
    if not re.fullmatch(r"<[0-9a-f]{32}@[A-Za-z0-9.-]+>", message_id):
        fail(f"Message-ID has an unexpected form: {message_id}")
    to = message["to"].addresses
    if len(to) != 1:
        fail("To must hold exactly one address")
    elif to[0].username and to[0].username.lower() in message_id.lower():
        fail("Message-ID contains the recipient's local part")
    if message.get_content_type() != "multipart/alternative":
        fail(f"content type {message.get_content_type()}, expected multipart/alternative")
        return failures
    parts = list(message.iter_parts())
    if [part.get_content_type() for part in parts] != ["text/plain", "text/html"]:
        fail(f"parts {[p.get_content_type() for p in parts]}, expected text/plain then text/html")
        return failures
    bodies = []
    for part in parts:
        if part.get_content_charset() != "utf-8":
            fail(f"{part.get_content_type()}: charset {part.get_content_charset()}")
        if part["content-transfer-encoding"] != "quoted-printable":
            fail(f"{part.get_content_type()}: not quoted-printable")
        raw = part.get_payload(decode=True)
        try:
            raw.decode("utf-8", errors="strict")
        except UnicodeDecodeError as error:
            fail(f"{part.get_content_type()}: not UTF-8: {error}")
        bodies.append(part.get_content())
    sidecar = path.with_suffix(".expected.json")
    if sidecar.exists():
        expected = json.loads(sidecar.read_text(encoding="utf-8"))

        def same(label, actual, wanted):
            if actual != wanted:
                fail(f"{label} does not round-trip: got {actual!r}, expected {wanted!r}")

        same("subject", str(message["subject"]), expected["subject"])
        same("recipient", to[0].addr_spec if to else None, expected["to"])
        check_display_name(head_fields(data).get("to", ""), to[0].display_name if to else None,
                           expected["display_name"], fail)
        same("Message-ID", message_id, expected["message_id"])
        normalise = lambda text: text.replace("\r\n", "\n").replace("\r", "\n")
        same("text body", normalise(bodies[0]), normalise(expected["text"]))
        same("html body", normalise(bodies[1]), normalise(expected["html"]))
    return failures


def main(arguments):
    if not arguments:
        print("usage: check_emails.py DIR...", file=sys.stderr)
        return 64
    files = sorted(path for directory in arguments for path in Path(directory).rglob("*.eml"))
    if not files:
        print("check_emails: no .eml files found", file=sys.stderr)
        return 1
    failures = []
    sidecars = 0
    for path in files:
        failures += check_file(path)
        sidecars += path.with_suffix(".expected.json").exists()
    for failure in failures:
        print(failure, file=sys.stderr)
    print(f"check_emails: {len(files)} emails, {sidecars} with expected values, {len(failures)} problems")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
