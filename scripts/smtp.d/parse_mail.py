"""Parses one RFC 5322 message with Python's email package and prints its anatomy as JSON.

Used by the Mail tests as an independent, real MIME parser:
    /usr/bin/python3 scripts/smtp.d/parse_mail.py FILE
Output: {"headers": {name: [decoded values]}, "defects": [...], "parts": [tree]} where each part is
{"content_type", "charset", "filename", "disposition", "transfer_encoding", "defects",
 "children" (multipart) or "body_base64" (decoded payload bytes) and "text" (decoded text parts)}.
"""
import base64
import email
import email.policy
import json
import sys


def describe(part):
    node = {
        "content_type": part.get_content_type(),
        "charset": part.get_content_charset(),
        "filename": part.get_filename(),
        "disposition": part.get_content_disposition(),
        "transfer_encoding": part.get("Content-Transfer-Encoding"),
        "defects": [type(d).__name__ for d in part.defects],
    }
    if part.is_multipart():
        node["children"] = [describe(p) for p in part.iter_parts()]
    else:
        payload = part.get_payload(decode=True) or b""
        node["body_base64"] = base64.b64encode(payload).decode("ascii")
        if part.get_content_maintype() == "text":
            node["text"] = part.get_content()
    return node


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    message = email.message_from_bytes(raw, policy=email.policy.default)
    headers = {}
    for name, value in message.items():
        headers.setdefault(name.lower(), []).append(str(value))
    addresses = {}
    for name in ("from", "to", "cc", "reply-to"):
        if message[name] is not None:
            addresses[name] = [{"name": a.display_name, "address": a.addr_spec} for a in message[name].addresses]
    date = message["date"]
    result = {
        "headers": headers,
        "addresses": addresses,
        "date_epoch": date.datetime.timestamp() if date is not None and date.datetime is not None else None,
        "defects": [type(d).__name__ for d in message.defects],
        "parts": describe(message),
        "max_line_length": max((len(line) for line in raw.split(b"\r\n")), default=0),
        "bare_lf": raw.replace(b"\r\n", b"").count(b"\n"),
        "non_ascii_bytes": sum(1 for b in raw if b > 127),
    }
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
