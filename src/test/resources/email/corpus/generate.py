# Writes the email corpus and expected.txt (run from this folder: python3 generate.py). The files are committed;
# the script documents how each was made.
import base64, quopri, os, random
from email.header import Header
out = '.'
expected = []
def crlf(s): return s.replace('\r\n','\n').replace('\n','\r\n')
def write(name, raw, exp, binary=False):
    data = raw if binary else crlf(raw).encode('latin-1') if isinstance(raw,str) else raw
    open(os.path.join(out, name), 'wb').write(data)
    expected.append(name + ' | ' + ' | '.join(f'{k}={v}' for k,v in exp.items()))
def hdr(frm='Ana Souza <ana@customers.test>', subject='Missing engine', mid=None, extra=''):
    h = f'From: {frm}\nTo: Harbour Lane Toys <help@harbourlane.test>\nDate: Mon, 2 Mar 2026 09:15:00 +0100\n'
    if subject is not None: h += f'Subject: {subject}\n'
    if mid is not False: h += f'Message-ID: <{mid or "m-" + str(len(expected)+1)}@customers.test>\n'
    return h + 'MIME-Version: 1.0\n' + extra
def b64(b): return base64.encodebytes(b).decode('ascii')
def qp(b): return quopri.encodestring(b).decode('ascii')

write('01-plain-ascii.eml', hdr() + 'Content-Type: text/plain; charset=us-ascii\n\nThe train set arrived without its engine.\n',
      dict(kind='CUSTOMER', subject='Missing engine', text='arrived without its engine', files=''))
write('02-gmail-reply.eml', hdr(subject='Re: Missing engine [#1042]', extra='In-Reply-To: <rapport.1@harbourlane.test>\nReferences: <m-1@customers.test> <rapport.1@harbourlane.test>\n') +
      'Content-Type: multipart/alternative; boundary="000000000000a1"\n\n--000000000000a1\nContent-Type: text/plain; charset="UTF-8"\n\nThank you, it arrived!\n\nOn Mon, 2 Mar 2026 at 10:00, Maria <help@harbourlane.test> wrote:\n> A new engine is on its way.\n\n--000000000000a1\nContent-Type: text/html; charset="UTF-8"\n\n<div dir="ltr">Thank you, it arrived!</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, 2 Mar 2026 at 10:00, Maria wrote:<br></div><blockquote class="gmail_quote">A new engine is on its way.</blockquote></div>\n--000000000000a1--\n',
      dict(kind='CUSTOMER', subject='Re: Missing engine [#1042]', text='Thank you, it arrived!;> A new engine', files='', html='yes', references='<rapport.1@harbourlane.test>'))
write('03-outlook-reply.eml', hdr(subject='RE: Refund', extra='Thread-Index: AdmT0b9hV7mU2y0qS5y3ZCk3h9G2JQ==\n') +
      'Content-Type: text/plain; charset="us-ascii"\nContent-Transfer-Encoding: 7bit\n\nThat works for me.\n\n-----Original Message-----\nFrom: Maria <help@harbourlane.test>\nSent: Monday, March 2, 2026 10:00 AM\nSubject: Refund\n\nWe can refund you today.\n',
      dict(kind='CUSTOMER', subject='RE: Refund', text='That works for me.;-----Original Message-----', files='', threadIndex='yes'))
write('04-apple-mail-reply.eml', hdr(subject='Re: Kite', extra='Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n') + '\n' +
      qp('Perfect, thanks.\n\n> On 2 Mar 2026, at 10:00, Maria <help@harbourlane.test> wrote:\n> \n> Your kite is repaired.\n'.encode()),
      dict(kind='CUSTOMER', subject='Re: Kite', text='Perfect, thanks.;> Your kite is repaired.', files=''))
write('05-thunderbird-reply.eml', hdr(subject='Re: Puzzle', extra='Content-Type: text/plain; charset=UTF-8; format=flowed\nContent-Transfer-Encoding: 7bit\n') +
      '\nGreat, see you Saturday.\n\nOn 02.03.26 10:00, Maria wrote:\n> The puzzle is back in stock.\n',
      dict(kind='CUSTOMER', subject='Re: Puzzle', text='Great, see you Saturday.;> The puzzle is back in stock.', files=''))
write('06-html-only.eml', hdr(subject='Order 5531') + 'Content-Type: text/html; charset=utf-8\n\n<html><head><style>p{color:red}</style><script>alert(1)</script></head><body><p>Hello,</p><p>where is <b>order 5531</b>?</p><img src="https://tracker.example/pixel.gif"><a href="javascript:alert(1)">click</a></body></html>\n',
      dict(kind='CUSTOMER', subject='Order 5531', text='Hello,;where is order 5531?', files='', html='yes', htmlLacks='script;javascript:;style', htmlHas='tracker.example'))
write('07-html-gmail-quote.eml', hdr(subject='Re: Dolls house') + 'Content-Type: text/html; charset=utf-8\n\n<div>Yes please.</div><div class="gmail_quote">On Mon, Maria wrote:<blockquote>Shall we wrap it?</blockquote></div>\n',
      dict(kind='CUSTOMER', subject='Re: Dolls house', text='Yes please.;-----Original Message-----;Shall we wrap it?', files='', html='yes'))
write('08-utf8-base64.eml', hdr(subject='=?UTF-8?Q?Ol=C3=A1?=', extra='Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n') + '\n' + b64('Olá, a ação do trem não funciona. Obrigada!\n'.encode('utf-8')),
      dict(kind='CUSTOMER', subject='Olá', text='a ação do trem não funciona', files=''))
write('09-iso-8859-1-qp.eml', hdr(subject='Lieferung', extra='Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: quoted-printable\n') + '\n' + qp('Viele Grüße aus Köln, das Paket ist leider beschädigt.\n'.encode('latin-1')),
      dict(kind='CUSTOMER', subject='Lieferung', text='Viele Grüße aus Köln;beschädigt', files=''))
write('10-iso-8859-2.eml', hdr(subject='Zamowienie', extra='Content-Type: text/plain; charset=iso-8859-2\nContent-Transfer-Encoding: 8bit\n') + '\n', dict(), )
expected.pop(); open('10-iso-8859-2.eml','wb').write(crlf(hdr(subject='Zamowienie', extra='Content-Type: text/plain; charset=iso-8859-2\nContent-Transfer-Encoding: 8bit\n') + '\n').encode('latin-1') + 'Zażółć gęślą jaźń – gdzie jest paczka?\r\n'.replace('–','-').encode('iso-8859-2'))
expected.append('10-iso-8859-2.eml | kind=CUSTOMER | subject=Zamowienie | text=Zażółć gęślą jaźń | files=')
def enc_write(name, subject, charset, text, expect, cte='base64'):
    body = text.encode(charset)
    raw = crlf(hdr(subject=subject, extra=f'Content-Type: text/plain; charset="{charset}"\nContent-Transfer-Encoding: {cte}\n') + '\n').encode('latin-1')
    raw += crlf(b64(body) if cte=='base64' else qp(body)).encode('ascii')
    open(name,'wb').write(raw)
    expected.append(f'{name} | kind=CUSTOMER | subject={subject} | text={expect} | files=')
enc_write('11-iso-8859-15.eml', 'Prix', 'iso-8859-15', 'Le prix est de 25 € pour le train.\n', '25 € pour le train', 'quoted-printable')
enc_write('12-windows-1252.eml', 'Quotes', 'windows-1252', 'He said “it’s broken” and paid 30 €.\n', '“it’s broken”;30 €', 'quoted-printable')
enc_write('13-windows-1251.eml', 'Zakaz', 'windows-1251', 'Здравствуйте! Где мой заказ?\n', 'Здравствуйте! Где мой заказ?')
enc_write('14-windows-1250.eml', 'Objednavka', 'windows-1250', 'Dobrý den, děkuji za rychlou odpověď.\n', 'Dobrý den, děkuji')
enc_write('15-shift-jis.eml', 'Chumon', 'shift_jis', 'こんにちは、注文はいつ届きますか？\n', 'こんにちは、注文はいつ届きますか')
enc_write('16-gb2312.eml', 'Dingdan', 'gb2312', '你好，我的订单在哪里？\n', '你好，我的订单在哪里')
enc_write('17-koi8-r.eml', 'Vopros', 'koi8-r', 'Привет, у вас есть поезда?\n', 'Привет, у вас есть поезда?')
write('18-rfc2047-subject-q.eml', hdr(subject='=?UTF-8?Q?R=C3=BCckfrage_zur_Bestellung?=') + 'Content-Type: text/plain; charset=utf-8\n\nHallo\n',
      dict(kind='CUSTOMER', subject='Rückfrage zur Bestellung', text='Hallo', files=''))
write('19-rfc2047-subject-b-japanese.eml', hdr(subject='=?ISO-2022-JP?B?GyRCQ21KOBsoQg==?= =?UTF-8?B?44Gr44Gk44GE44Gm?=') + 'Content-Type: text/plain; charset=utf-8\n\nhello\n',
      dict(kind='CUSTOMER', subject='注文について', text='hello', files=''))
write('20-rfc2047-from-name.eml', hdr(frm='=?UTF-8?Q?Jos=C3=A9_Mu=C3=B1oz?= <jose@customers.test>', subject='Hola') + 'Content-Type: text/plain; charset=utf-8\n\nHola\n',
      dict(kind='CUSTOMER', subject='Hola', text='Hola', files='', fromName='José Muñoz', **{'from':'jose@customers.test'}))
pdf = b'%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'
def mixed(name, subject, fileheaders, content, expect_files, text='See attached.'):
    raw = hdr(subject=subject, extra='Content-Type: multipart/mixed; boundary="mix"\n') + f'\n--mix\nContent-Type: text/plain; charset=utf-8\n\n{text}\n--mix\n{fileheaders}Content-Transfer-Encoding: base64\n\n' + b64(content) + '--mix--\n'
    write(name, raw, dict(kind='CUSTOMER', subject=subject, text=text, files=expect_files))
mixed('21-attachment-pdf.eml', 'Invoice', 'Content-Type: application/pdf; name="invoice.pdf"\nContent-Disposition: attachment; filename="invoice.pdf"\n', pdf, 'invoice.pdf')
mixed('22-attachment-rfc2047-name.eml', 'Rechnung', 'Content-Type: application/pdf; name="=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?="\nContent-Disposition: attachment; filename="=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?="\n', pdf, 'Rechnung März.pdf')
mixed('23-attachment-rfc2231-name.eml', 'Receipt', "Content-Type: application/pdf\nContent-Disposition: attachment; filename*=UTF-8''%E2%82%AC%20receipt%20%C3%A9t%C3%A9.pdf\n", pdf, '€ receipt été.pdf')
png = bytes.fromhex('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3e2b5a70000000049454e44ae426082')
write('24-inline-cid-image.eml', hdr(subject='Photo of the damage', extra='Content-Type: multipart/related; boundary="rel"\n') +
      '\n--rel\nContent-Type: text/html; charset=utf-8\n\n<p>See the crack:</p><img src="cid:crack@customers.test" alt="crack">\n--rel\nContent-Type: image/png\nContent-ID: <crack@customers.test>\nContent-Disposition: inline\nContent-Transfer-Encoding: base64\n\n' + b64(png) + '--rel--\n',
      dict(kind='CUSTOMER', subject='Photo of the damage', text='See the crack:', files='crack@customers.test.png', html='yes', inline='crack@customers.test', htmlHas='cid:crack@customers.test'))
write('25-nested-multipart.eml', hdr(subject='Nested', extra='Content-Type: multipart/mixed; boundary="outer"\n') +
      '\n--outer\nContent-Type: multipart/alternative; boundary="alt"\n\n--alt\nContent-Type: text/plain; charset=utf-8\n\nPlain part of the nested mail.\n--alt\nContent-Type: multipart/related; boundary="rel2"\n\n--rel2\nContent-Type: text/html; charset=utf-8\n\n<p>HTML part of the nested mail.</p><img src="cid:logo">\n--rel2\nContent-Type: image/png\nContent-ID: <logo>\nContent-Transfer-Encoding: base64\n\n' + b64(png) + '--rel2--\n--alt--\n--outer\nContent-Type: text/csv; name="order.csv"\nContent-Disposition: attachment; filename="order.csv"\n\nsku,qty\nT-100,1\n--outer--\n',
      dict(kind='CUSTOMER', subject='Nested', text='Plain part of the nested mail.', files='logo.png;order.csv', html='yes'))
write('26-forwarded-message.eml', hdr(subject='Fwd: Your order', extra='Content-Type: multipart/mixed; boundary="fw"\n') +
      '\n--fw\nContent-Type: text/plain; charset=utf-8\n\nSee below, this is what I got.\n--fw\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="original.eml"\n\nFrom: shop@other.test\nSubject: Your order\n\nShipped.\n--fw--\n',
      dict(kind='CUSTOMER', subject='Fwd: Your order', text='See below, this is what I got.', files='original.eml'))
write('27-missing-message-id.eml', hdr(subject='No id', mid=False) + 'Content-Type: text/plain\n\nMy mail client sets no Message-ID.\n',
      dict(kind='CUSTOMER', subject='No id', text='sets no Message-ID', files='', messageId='none'))
def auto(name, subject, extra, text='I am away until Monday.'):
    write(name, hdr(frm='Lea <lea@customers.test>', subject=subject, extra=extra) + 'Content-Type: text/plain\n\n' + text + '\n',
          dict(kind='AUTO_REPLY', subject=subject, text=text, files=''))
auto('28-auto-submitted.eml', 'Re: Your question', 'Auto-Submitted: auto-replied\n')
auto('29-x-autoreply.eml', 'Re: Your question', 'X-Autoreply: yes\n')
auto('30-x-autorespond.eml', 'Re: Your question', 'X-Autorespond: Thank you\n')
auto('31-precedence-bulk.eml', 'Newsletter March', 'Precedence: bulk\n', 'Our spring collection.')
auto('32-precedence-list.eml', '[toys-list] New thread', 'Precedence: list\nList-Id: <toys.lists.test>\n', 'A list message.')
auto('33-vacation-subject-en.eml', 'Out of Office: Missing engine', '')
auto('34-vacation-subject-de.eml', 'Abwesenheitsnotiz: Lieferung', '', 'Ich bin bis Montag nicht im Büro.')
auto('35-outlook-automatic-reply.eml', 'Automatic reply: Refund', 'X-Auto-Response-Suppress: All\n')
auto('36-auto-generated-ticket.eml', '[Ticket #99] We got your message', 'Auto-Submitted: auto-generated\n', 'Your ticket was created.')
write('37-dsn-bounce.eml', hdr(frm='Mail Delivery System <MAILER-DAEMON@mx.customers.test>', subject='Undelivered Mail Returned to Sender', extra='Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"\n') +
      '\n--dsn\nContent-Type: text/plain\n\nYour message could not be delivered.\n--dsn\nContent-Type: message/delivery-status\n\nReporting-MTA: dns; mx.customers.test\n\nFinal-Recipient: rfc822; ana@customers.test\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\n\n--dsn\nContent-Type: message/rfc822\n\nFrom: help@harbourlane.test\nTo: ana@customers.test\nSubject: Re: Missing engine\nMessage-ID: <rapport.abc@harbourlane.test>\n\nA new engine is on its way.\n--dsn--\n',
      dict(kind='BOUNCE', subject='Undelivered Mail Returned to Sender', text='could not be delivered', files='', bounceOf='<rapport.abc@harbourlane.test>', bounceReason='550 5.1.1 User unknown'))
write('38-mailer-daemon-plain.eml', hdr(frm='MAILER-DAEMON@mail.customers.test', subject='Delivery failure') + 'Content-Type: text/plain\n\nThe following address failed: ana@customers.test\n',
      dict(kind='BOUNCE', subject='Delivery failure', text='address failed', files=''))
write('39-empty-return-path.eml', 'Return-Path: <>\n' + hdr(frm='Mail System <system@mx.customers.test>', subject='Message not delivered') + 'Content-Type: text/plain\n\nDelivery has failed to these recipients.\n',
      dict(kind='BOUNCE', subject='Message not delivered', text='Delivery has failed', files=''))
write('40-postmaster-bounce.eml', hdr(frm='postmaster@customers.test', subject='Returned mail: see transcript') + 'Content-Type: text/plain\n\n554 message rejected\n',
      dict(kind='BOUNCE', subject='Returned mail: see transcript', text='554 message rejected', files=''))
write('41-own-loop.eml', hdr(frm='Maria <help@harbourlane.test>', subject='Re: Missing engine [#1042]', extra='X-Rapport-Loop: help@harbourlane.test\nAuto-Submitted: auto-replied\n') + 'Content-Type: text/plain\n\nOur own acknowledgement came back.\n',
      dict(kind='OWN', subject='Re: Missing engine [#1042]', text='came back', files=''))
write('42-malformed-no-boundary.eml', hdr(subject='Broken') + 'Content-Type: multipart/mixed; boundary="never-used"\n\nThere is no boundary line anywhere in this message.\n',
      dict(unreadable='yes'))
write('43-unknown-charset.eml', hdr(subject='Odd charset') + 'Content-Type: text/plain; charset="x-made-up-charset"\n\nPlain words in an unknown charset.\n',
      dict(kind='CUSTOMER', subject='Odd charset', text='Plain words in an unknown charset.', files=''))
random.seed(7)
big = bytes(random.getrandbits(8) for _ in range(1_500_000))
mixed('44-huge-attachment.eml', 'Video of the problem', 'Content-Type: video/mp4; name="problem.mp4"\nContent-Disposition: attachment; filename="problem.mp4"\n', big, 'problem.mp4', 'The video is attached.')
write('45-no-subject.eml', hdr(subject=None) + 'Content-Type: text/plain\n\nI forgot the subject line.\n',
      dict(kind='CUSTOMER', subject='', text='I forgot the subject line.', files=''))
write('46-calendar-invite.eml', hdr(subject='Pick-up appointment', extra='Content-Type: multipart/mixed; boundary="cal"\n') +
      '\n--cal\nContent-Type: text/plain\n\nCan I pick it up then?\n--cal\nContent-Type: text/calendar; method=REQUEST; name="invite.ics"\nContent-Disposition: attachment; filename="invite.ics"\n\nBEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n--cal--\n',
      dict(kind='CUSTOMER', subject='Pick-up appointment', text='Can I pick it up then?', files='invite.ics'))
write('47-signature.eml', hdr(subject='Opening hours') + 'Content-Type: text/plain\n\nAre you open on Sunday?\n\n-- \nAna Souza\nSent from my phone\n',
      dict(kind='CUSTOMER', subject='Opening hours', text='Are you open on Sunday?;Sent from my phone', files=''))
write('48-cc-people.eml', hdr(subject='Birthday present', extra='Cc: "Ben Souza" <ben@customers.test>, =?UTF-8?Q?Zo=C3=AB?= <zoe@customers.test>\n') + 'Content-Type: text/plain\n\nMy husband and daughter are copied.\n',
      dict(kind='CUSTOMER', subject='Birthday present', text='are copied', files='', cc='ben@customers.test;zoe@customers.test'))
write('49-folded-subject.eml', hdr(subject='A very long subject line that a mail client\n folded onto a second line') + 'Content-Type: text/plain\n\nFolded.\n',
      dict(kind='CUSTOMER', subject='A very long subject line that a mail client folded onto a second line', text='Folded.', files=''))
open('50-lf-only-line-endings.eml','wb').write(('From: Ana <ana@customers.test>\nTo: help@harbourlane.test\nSubject: Unix line endings\nMessage-ID: <lf@customers.test>\n\nOnly LF here.\n').encode())
expected.append('50-lf-only-line-endings.eml | kind=CUSTOMER | subject=Unix line endings | text=Only LF here. | files=')
write('51-html-with-remote-image-and-form.eml', hdr(subject='Promo look') + 'Content-Type: text/html; charset=utf-8\n\n<p onclick="steal()">Look <img src="http://images.example/a.png" onerror="x()"></p><form action="https://evil.example"><input name="p"></form><iframe src="https://evil.example"></iframe>\n',
      dict(kind='CUSTOMER', subject='Promo look', text='Look', files='', html='yes', htmlLacks='onclick;onerror;<form;<iframe;<input', htmlHas='images.example'))
write('52-base64-html-latin1.eml', hdr(subject='Bonjour', extra='Content-Type: text/html; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n') + '\n' + b64('<p>Très bien, merci à vous.</p>'.encode('latin-1')),
      dict(kind='CUSTOMER', subject='Bonjour', text='Très bien, merci à vous.', files='', html='yes'))
open('expected.txt','w', encoding='utf-8').write('# file | expectation=value | ...  (text, files, htmlHas, htmlLacks, cc: ";"-separated)\n' + '\n'.join(expected) + '\n')
print(len(expected))
