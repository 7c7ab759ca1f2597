"""A real SMTP server for WBLMatch's tests and development: aiosmtpd writing a Maildir.

Run by scripts/smtp with Debian's /usr/bin/python3 (python3-aiosmtpd). Every accepted message is
stored byte for byte as received after DATA, preceded by two trace lines an MTA would add:
    Return-Path: <envelope sender>
    X-Envelope-To: <rcpt1>, <rcpt2>
Test hooks, so error paths meet a real server:
  - a recipient whose local part starts with "reject" is refused with 550 (permanent),
  - one starting with "defer" is refused with 451 (temporary).
AUTH PLAIN/LOGIN is offered without TLS (a loopback test server) and optional: a client that logs
in must use the user and password given on the command line; a client that does not is accepted.
"""
import argparse
import asyncio
import os
import signal
import socket
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class MaildirHandler:
    def __init__(self, maildir):
        self.maildir = maildir
        self.counter = 0
        for sub in ("tmp", "new", "cur"):
            os.makedirs(os.path.join(maildir, sub), exist_ok=True)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject"):
            return "550 5.1.1 <%s>: mailbox unavailable (test hook)" % address
        if local.startswith("defer"):
            return "451 4.3.0 <%s>: try again later (test hook)" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.counter += 1
        name = "%d.M%dP%dQ%d.wblmatch-smtp" % (time.time(), time.time_ns() % 1000000, os.getpid(), self.counter)
        trace = "Return-Path: <%s>\r\nX-Envelope-To: %s\r\n" % (
            envelope.mail_from, ", ".join("<%s>" % r for r in envelope.rcpt_tos))
        data = trace.encode("ascii") + envelope.original_content
        tmp = os.path.join(self.maildir, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.rename(tmp, os.path.join(self.maildir, "new", name))
        print("delivered %s from=%s to=%s bytes=%d" % (name, envelope.mail_from, envelope.rcpt_tos, len(data)), flush=True)
        return "250 2.0.0 OK queued as %s" % name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--maildir", required=True)
    parser.add_argument("--pidfile", required=True)
    parser.add_argument("--user", default="wblmatch")
    parser.add_argument("--password", default="smtp-test-password")
    args = parser.parse_args()

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and \
            auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
        return AuthResult(success=ok, handled=False)

    controller = Controller(MaildirHandler(args.maildir), hostname="127.0.0.1", port=args.port,
                            authenticator=authenticate, auth_require_tls=False, auth_required=False,
                            ready_timeout=10)
    controller.start()
    with open(args.pidfile, "w") as f:
        f.write(str(os.getpid()))
    print("listening on 127.0.0.1:%d, Maildir %s" % (args.port, args.maildir), flush=True)
    try:
        signal.sigwait({signal.SIGTERM, signal.SIGINT})
    finally:
        controller.stop()
        try:
            os.remove(args.pidfile)
        except FileNotFoundError:
            pass


if __name__ == "__main__":
    # Close every descriptor inherited from whoever started us (beyond stdio): a pipe end kept open
    # here would keep that parent's reader waiting for EOF for as long as the server runs.
    os.closerange(3, os.sysconf("SC_OPEN_MAX"))
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
    main()
