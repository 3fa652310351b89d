#!/usr/bin/env bash
# A real Dovecot (IMAP, LMTP, SASL) and Postfix (SMTP) pair on loopback for the mail tester's
# integration and browser tests. Run as root after the packages in .ci/packages.txt are installed.
#
# Everything lives in one state folder outside the repository ($HELPPORTAL_MAILSERVERS, default
# /var/lib/helpportal-test/mail): certificates, configuration, mailboxes, logs, and
# mailservers.env, which the tests read. The distribution's own dovecot/postfix instances are left
# alone; these run as separate instances with their own configuration, sockets and queue.
# Running the script again stops the pair and starts it with fresh configuration; accounts,
# passwords and still-valid certificates are kept so a test run in progress is not surprised.
set -euo pipefail

STATE=${HELPPORTAL_MAILSERVERS:-/var/lib/helpportal-test/mail}
# Every port is this base plus the protocol's usual port, so a second pair (another state folder and base)
# can run beside the first one, e.g. to try a change without disturbing tests that use the first.
PORT_BASE=${HELPPORTAL_MAILSERVERS_PORT_BASE:-10000}
INSTANCE=helpportal-test
[ "$PORT_BASE" -eq 10000 ] || INSTANCE=helpportal-test-$PORT_BASE
DOMAIN=mail.test
IMAPS_PORT=$((PORT_BASE + 993))
IMAP_STARTTLS_PORT=$((PORT_BASE + 143))
SMTPS_PORT=$((PORT_BASE + 465))
SUBMISSION_PORT=$((PORT_BASE + 587))
# One message per client per minute and loopback not exempt: the second send is refused with 4.7.1.
SMTPS_RATE_LIMITED_PORT=$((PORT_BASE + 466))
# Serves a certificate whose validity ended years ago, signed by the test CA.
SMTPS_EXPIRED_PORT=$((PORT_BASE + 467))
# Like SMTPS, but the portal is not allowed XCLIENT here, so the server does not advertise it.
SMTPS_NO_XCLIENT_PORT=$((PORT_BASE + 468))

TLS=$STATE/tls
DOVECOT=$STATE/dovecot
POSTFIX=$STATE/postfix
MAILDIRS=$STATE/maildirs
ENV_FILE=$STATE/mailservers.env

if [ "$(id -u)" -ne 0 ]; then
  echo "mailservers.sh must run as root (it starts Dovecot and Postfix)" >&2
  exit 1
fi
for tool in dovecot doveadm postfix postconf openssl; do
  command -v "$tool" >/dev/null || { echo "missing $tool: install the packages in .ci/packages.txt" >&2; exit 1; }
done

# --- stop a previous run (pid files, not process names: the system's own instances stay up) ---
if [ -f "$DOVECOT/run/master.pid" ] && kill -0 "$(cat "$DOVECOT/run/master.pid")" 2>/dev/null; then
  pid=$(cat "$DOVECOT/run/master.pid")
  kill "$pid"
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
fi
if [ -f "$POSTFIX/etc/main.cf" ] && postfix -c "$POSTFIX/etc" status >/dev/null 2>&1; then
  postfix -c "$POSTFIX/etc" stop >/dev/null 2>&1 || true
  for _ in $(seq 50); do postfix -c "$POSTFIX/etc" status >/dev/null 2>&1 || break; sleep 0.1; done
fi

# Every path component must be root-owned and not group/world-writable for Postfix, and
# traversable for the dovecot, dovenull, mail and postfix users.
if [ ! -d "$(dirname "$STATE")" ]; then
  mkdir -p "$(dirname "$STATE")"
  chmod 755 "$(dirname "$STATE")"
fi
mkdir -p "$STATE"
chmod 755 "$STATE"
mkdir -p "$TLS" "$DOVECOT" "$POSTFIX/etc" "$POSTFIX/data" "$POSTFIX/spool" "$MAILDIRS"
chmod 755 "$TLS" "$DOVECOT" "$POSTFIX" "$POSTFIX/etc"

# --- certificates ---
# A test CA, a server certificate for "localhost" only (so 127.0.0.1 is a name mismatch), an
# expired one from the same CA, and a rogue CA that signed nothing the servers use.
make_ca() { # name subject
  openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -sha256 -days 60 \
    -subj "$2" -keyout "$TLS/$1.key" -out "$TLS/$1.crt" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
}
make_leaf() { # name startdate enddate
  local ext="$TLS/$1.ext"
  openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -subj "/CN=localhost" \
    -keyout "$TLS/$1.key" -out "$TLS/$1.csr" 2>/dev/null
  printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature" \
    "extendedKeyUsage=serverAuth" "subjectAltName=DNS:localhost" >"$ext"
  # openssl ca is the only stock way to set arbitrary (past) validity dates.
  local db="$TLS/ca-db"
  rm -rf "$db" && mkdir -p "$db" && : >"$db/index.txt"
  cat >"$db/ca.cnf" <<EOF
[ca]
default_ca = test
[test]
database = $db/index.txt
new_certs_dir = $db
serial = $db/serial
default_md = sha256
policy = any
copy_extensions = none
unique_subject = no
[any]
commonName = supplied
EOF
  openssl rand -hex 16 >"$db/serial"
  openssl ca -batch -notext -config "$db/ca.cnf" -cert "$TLS/ca.crt" -keyfile "$TLS/ca.key" \
    -startdate "$2" -enddate "$3" -extfile "$ext" -in "$TLS/$1.csr" -out "$TLS/$1.crt" 2>/dev/null
  rm -rf "$db" "$TLS/$1.csr" "$ext"
}
# Certificates are remade when missing or within a week of expiring.
if ! { [ -f "$TLS/ca.crt" ] && [ -f "$TLS/localhost.crt" ] && [ -f "$TLS/expired.crt" ] && [ -f "$TLS/rogue-ca.crt" ] \
      && openssl x509 -checkend 604800 -noout -in "$TLS/localhost.crt" >/dev/null; }; then
  make_ca ca "/CN=HelpPortal Test CA"
  make_ca rogue-ca "/CN=HelpPortal Rogue CA"
  make_leaf localhost "$(date -u -d '-1 day' +%Y%m%d%H%M%SZ)" "$(date -u -d '+30 days' +%Y%m%d%H%M%SZ)"
  make_leaf expired 20200101000000Z 20200201000000Z
fi
chmod 644 "$TLS"/*.crt
chmod 600 "$TLS"/*.key
# Only the CA certificates are for the tests; the rogue CA's key is never used again.
rm -f "$TLS/rogue-ca.key"

# --- accounts (passwords made once, then kept) ---
kept() { [ -f "$ENV_FILE" ] && sed -n "s/^$1=//p" "$ENV_FILE" || true; }
GOOD_ADDRESS=good@$DOMAIN
SUSPENDED_ADDRESS=suspended@$DOMAIN
GOOD_PASSWORD=$(kept GOOD_PASSWORD)
GOOD_PASSWORD=${GOOD_PASSWORD:-good-$(openssl rand -hex 12)}
SUSPENDED_PASSWORD=$(kept SUSPENDED_PASSWORD)
SUSPENDED_PASSWORD=${SUSPENDED_PASSWORD:-suspended-$(openssl rand -hex 12)}
# Two mailboxes near and at their quota (a limit on the number of messages, filled below).
NEARLY_FULL_ADDRESS=nearly-full@$DOMAIN
FULL_ADDRESS=full@$DOMAIN
QUOTA_PASSWORD=$(kept QUOTA_PASSWORD)
QUOTA_PASSWORD=${QUOTA_PASSWORD:-quota-$(openssl rand -hex 12)}

# passwd-file: user:password:uid:gid:gecos:home:shell:extra fields. "nologin" makes Dovecot refuse
# a correct password with [CONTACTADMIN], the way a suspended hosting account is refused.
umask 077
cat >"$DOVECOT/users" <<EOF
$GOOD_ADDRESS:{PLAIN}$GOOD_PASSWORD::::::
$SUSPENDED_ADDRESS:{PLAIN}$SUSPENDED_PASSWORD::::::nologin
$NEARLY_FULL_ADDRESS:{PLAIN}$QUOTA_PASSWORD::::::userdb_quota_rule=*:messages=10
$FULL_ADDRESS:{PLAIN}$QUOTA_PASSWORD::::::userdb_quota_rule=*:messages=4
EOF
umask 022
chown root:dovecot "$DOVECOT/users"
chmod 640 "$DOVECOT/users"
chown mail:mail "$MAILDIRS"
chmod 700 "$MAILDIRS"

# The quota mailboxes start every run with exactly 9 of 10 (90%) and 4 of 4 (100%) messages.
fill_mailbox() { # local-part count
  local dir=$MAILDIRS/$DOMAIN/$1
  rm -rf "$dir"
  mkdir -p "$dir/cur" "$dir/new" "$dir/tmp"
  for i in $(seq "$2"); do
    printf 'From: sender@example.test\r\nTo: %s@%s\r\nSubject: Fixture %s\r\n\r\nA message that fills the quota.\r\n' \
      "$1" "$DOMAIN" "$i" >"$dir/new/$i.fixture.localhost"
  done
  chown -R mail:mail "$MAILDIRS/$DOMAIN"
  chmod -R go-rwx "$MAILDIRS/$DOMAIN"
}
fill_mailbox nearly-full 9
fill_mailbox full 4

# --- Dovecot: IMAPS, IMAP+STARTTLS, LMTP for Postfix, SASL for Postfix ---
cat >"$DOVECOT/dovecot.conf" <<EOF
# Written by .ci/services/mailservers.sh; changes are lost on the next run.
instance_name = $INSTANCE
base_dir = $DOVECOT/run
state_dir = $DOVECOT/state
log_path = $DOVECOT/dovecot.log
protocols = imap lmtp
listen = 127.0.0.1
shutdown_clients = yes

ssl = required
ssl_cert = <$TLS/localhost.crt
ssl_key = <$TLS/localhost.key
ssl_dh = </usr/share/dovecot/dh.pem
ssl_min_protocol = TLSv1.2

disable_plaintext_auth = yes
auth_mechanisms = plain login
auth_cache_size = 0
# The portal connects from loopback and names each visitor with IMAP ID (x-originating-ip), as a provider
# allows its portal's address only. Dovecot's penalty (2 s doubling to 15 s per failed sign-in, keyed on the
# remote address) and auth_failure_delay stay at their defaults: the tests prove they land on the visitor.
login_trusted_networks = 127.0.0.0/8

# Quota from the message count in the index; GETQUOTAROOT answers over IMAP.
mail_plugins = \$mail_plugins quota
protocol imap {
  mail_plugins = \$mail_plugins imap_quota
}
plugin {
  quota = count:User quota
  quota_vsizes = yes
  quota_rule = *:storage=1G
}

first_valid_uid = 8
last_valid_uid = 8
mail_location = maildir:$MAILDIRS/%d/%n
namespace inbox {
  inbox = yes
}

passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $DOVECOT/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $DOVECOT/users
  default_fields = uid=mail gid=mail home=$MAILDIRS/%d/%n
}

service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_STARTTLS_PORT
  }
  inet_listener imaps {
    address = 127.0.0.1
    port = $IMAPS_PORT
    ssl = yes
  }
  # Start nothing ahead of need: the pair should be up in well under a second.
  process_min_avail = 0
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0660
    user = postfix
    group = postfix
  }
}
service auth {
  unix_listener auth-postfix {
    mode = 0660
    user = postfix
    group = postfix
  }
}
protocol lmtp {
  # Postfix hands over full addresses; the passwd-file keys are full addresses too.
  auth_username_format = %Lu
}
EOF
mkdir -p "$DOVECOT/state"

# --- Postfix: SMTPS, submission+STARTTLS, a rate-limited SMTPS, an expired-certificate SMTPS ---
mkdir -p "$POSTFIX/spool"
chown root:root "$POSTFIX" "$POSTFIX/spool"
chown postfix:postfix "$POSTFIX/data"
cat >"$POSTFIX/etc/main.cf" <<EOF
# Written by .ci/services/mailservers.sh; changes are lost on the next run.
compatibility_level = 3.6
queue_directory = $POSTFIX/spool
data_directory = $POSTFIX/data
maillog_file = $POSTFIX/postfix.log
myhostname = localhost
mydomain = $DOMAIN
myorigin = $DOMAIN
smtpd_banner = \$myhostname ESMTP

# Loopback only, and never the network: no DNS, no relay, nothing local but the test domain.
inet_interfaces = loopback-only
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
mydestination =
relayhost =
relay_domains =
local_transport = error:no local delivery
alias_maps =
alias_database =
smtp_host_lookup = native
lmtp_host_lookup = native
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
biff = no

virtual_mailbox_domains = $DOMAIN
virtual_transport = lmtp:unix:$DOVECOT/run/lmtp

smtpd_tls_chain_files = $TLS/localhost.key, $TLS/localhost.crt
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = $DOVECOT/run/auth-postfix
smtpd_sasl_auth_enable = no
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
# The portal (on loopback) names each visitor with XCLIENT, so limits and logs see the visitor.
smtpd_authorized_xclient_hosts = 127.0.0.0/8
EOF
# Nothing runs chrooted: the sockets live in the state folder, not in the queue.
cat >"$POSTFIX/etc/master.cf" <<EOF
# Written by .ci/services/mailservers.sh; changes are lost on the next run.
127.0.0.1:$SMTPS_PORT inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
127.0.0.1:$SUBMISSION_PORT inet n - n - - smtpd
  -o smtpd_tls_security_level=encrypt
  -o smtpd_sasl_auth_enable=yes
127.0.0.1:$SMTPS_RATE_LIMITED_PORT inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_client_message_rate_limit=1
  -o smtpd_client_event_limit_exceptions=
127.0.0.1:$SMTPS_EXPIRED_PORT inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_tls_chain_files=$TLS/expired.key,$TLS/expired.crt
127.0.0.1:$SMTPS_NO_XCLIENT_PORT inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
  -o smtpd_sasl_auth_enable=yes
  -o smtpd_authorized_xclient_hosts=
pickup    unix  n - n 60 1 pickup
cleanup   unix  n - n -  0 cleanup
qmgr      unix  n - n 300 1 qmgr
tlsmgr    unix  - - n 1000? 1 tlsmgr
rewrite   unix  - - n -  - trivial-rewrite
bounce    unix  - - n -  0 bounce
defer     unix  - - n -  0 bounce
trace     unix  - - n -  0 bounce
verify    unix  - - n -  1 verify
flush     unix  n - n 1000? 0 flush
proxymap  unix  - - n -  - proxymap
proxywrite unix - - n -  1 proxymap
smtp      unix  - - n -  - smtp
relay     unix  - - n -  - smtp
showq     unix  n - n -  - showq
error     unix  - - n -  - error
retry     unix  - - n -  - error
discard   unix  - - n -  - discard
lmtp      unix  - - n -  - lmtp
anvil     unix  - - n -  1 anvil
scache    unix  - - n -  1 scache
postlog   unix-dgram n - n - 1 postlogd
EOF

# --- start ---
# The daemons must not inherit this script's output, or a caller reading it through a pipe waits
# forever; start-up messages go to a file shown on failure.
START_LOG=$STATE/start.log
: >"$START_LOG"
dovecot -c "$DOVECOT/dovecot.conf" </dev/null >>"$START_LOG" 2>&1 || { cat "$START_LOG" >&2; exit 1; }
# "postfix start" runs "postfix check" (and creates the queue) itself.
postfix -c "$POSTFIX/etc" start </dev/null >>"$START_LOG" 2>&1 || { cat "$START_LOG" >&2; exit 1; }

# Wait until every port answers (Dovecot forks its listeners a moment after the master).
for port in $IMAPS_PORT $IMAP_STARTTLS_PORT $SMTPS_PORT $SUBMISSION_PORT $SMTPS_RATE_LIMITED_PORT $SMTPS_EXPIRED_PORT $SMTPS_NO_XCLIENT_PORT; do
  for attempt in $(seq 50); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
    [ "$attempt" -eq 50 ] && { echo "port $port does not answer; see $DOVECOT/dovecot.log and $POSTFIX/postfix.log" >&2; cat "$START_LOG" >&2; exit 1; }
    sleep 0.1
  done
done

# --- what the tests read ---
cat >"$ENV_FILE" <<EOF
# Written by .ci/services/mailservers.sh: the loopback mail servers the integration tests use.
MAIL_HOST=localhost
MAIL_ADDRESS=127.0.0.1
IMAPS_PORT=$IMAPS_PORT
IMAP_STARTTLS_PORT=$IMAP_STARTTLS_PORT
SMTPS_PORT=$SMTPS_PORT
SUBMISSION_PORT=$SUBMISSION_PORT
SMTPS_RATE_LIMITED_PORT=$SMTPS_RATE_LIMITED_PORT
SMTPS_EXPIRED_PORT=$SMTPS_EXPIRED_PORT
SMTPS_NO_XCLIENT_PORT=$SMTPS_NO_XCLIENT_PORT
CA_CERT=$TLS/ca.crt
ROGUE_CA_CERT=$TLS/rogue-ca.crt
GOOD_ADDRESS=$GOOD_ADDRESS
GOOD_PASSWORD=$GOOD_PASSWORD
SUSPENDED_ADDRESS=$SUSPENDED_ADDRESS
SUSPENDED_PASSWORD=$SUSPENDED_PASSWORD
NEARLY_FULL_ADDRESS=$NEARLY_FULL_ADDRESS
FULL_ADDRESS=$FULL_ADDRESS
QUOTA_PASSWORD=$QUOTA_PASSWORD
DOVECOT_LOG=$DOVECOT/dovecot.log
POSTFIX_LOG=$POSTFIX/postfix.log
# The portal's configuration (the README's configuration table) for these servers, as environment variables.
MailService__Incoming__Host=localhost
MailService__Incoming__Port=$IMAPS_PORT
MailService__Incoming__Security=SslOnConnect
MailService__Outgoing__Host=localhost
MailService__Outgoing__Port=$SMTPS_PORT
MailService__Outgoing__Security=SslOnConnect
MailService__TrustedRootCertificatePath=$TLS/ca.crt
EOF
chmod 644 "$ENV_FILE"
echo "mail servers up on 127.0.0.1: IMAPS $IMAPS_PORT, IMAP+STARTTLS $IMAP_STARTTLS_PORT, SMTPS $SMTPS_PORT," \
  "submission $SUBMISSION_PORT, rate-limited SMTPS $SMTPS_RATE_LIMITED_PORT, expired-certificate SMTPS $SMTPS_EXPIRED_PORT," \
  "SMTPS without XCLIENT $SMTPS_NO_XCLIENT_PORT"
echo "settings for the tests: $ENV_FILE"
