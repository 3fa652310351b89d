#!/usr/bin/env python3
"""Writes a content folder for the benchmarks: the repository's own articles and categories, plus N generated
articles (half English, half Swedish) of about 250 words each (as long as the shipped ones), with headings, a list, a table and placeholders,
so that rendering and indexing do the work they do for real articles.

Usage: corpus.py REPOSITORY_CONTENT OUTPUT_FOLDER COUNT
"""
import os
import random
import shutil
import sys

source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
shutil.rmtree(target, ignore_errors=True)
shutil.copytree(source, target)

words = {
    "en": ("the to your and a you in is for on it or that with not of this be can if are from as at by an when then "
           "open select choose enter check new use need settings address message click tap name mail smtp imap port "
           "password server send receive abroad vpn invoice limit hour outlook thunderbird iphone android webmail spam "
           "folder signature forward alias domain certificate encryption login account quota attachment calendar").split(),
    "sv": ("och att du det i på är som en för med din till av inte om kan har den ett när sedan öppna välj ange "
           "kontrollera ny använd behöver adress meddelande klicka tryck namn e-post lösenord server skicka ta emot "
           "utomlands faktura gräns timme inställningar mobil webbmejl skräppost mapp signatur vidarebefordra domän "
           "certifikat kryptering inloggning konto bilaga kalender kontakter åtkomst säkerhet").split(),
}
random.seed(7)
weights = {lang: [1.0 / (rank + 1) for rank in range(len(vocabulary))] for lang, vocabulary in words.items()}


def text(lang, n):
    return " ".join(random.choices(words[lang], weights[lang], k=n))


def sentence(lang, n):
    value = text(lang, n)
    return value[0].upper() + value[1:] + "."


for i in range(count):
    lang = "en" if i % 2 == 0 else "sv"
    slug = f"generated-{i:05d}"
    title = sentence(lang, 4)[:-1]
    heading = "Settings" if lang == "en" else "Inställningar"
    body = [
        "---",
        f"title: {title}",
        f"summary: {sentence(lang, 14)}",
        f"categories: [{random.choice(['email', 'email-clients', 'error-messages', 'guides', 'account'])}]",
        f"updated: 20{20 + i % 6}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        f"tags: [{', '.join(random.sample(words[lang][40:], 2))}]",
        "---",
        "",
        " ".join(sentence(lang, 12) for _ in range(4)),
        "",
        f"## {sentence(lang, 3)[:-1]}",
        "",
        " ".join(sentence(lang, 14) for _ in range(4)),
        "",
        *[f"- {sentence(lang, 6)}" for _ in range(4)],
        "",
        f"## {heading}",
        "",
        "| | |",
        "|---|---|",
        "| IMAP | `{{mail.incoming.host}}`, {{mail.incoming.port}} ({{mail.incoming.security}}) |",
        "| SMTP | `{{mail.outgoing.host}}`, {{mail.outgoing.port}} ({{mail.outgoing.security}}) |",
        "",
        f"## {sentence(lang, 3)[:-1]}",
        "",
        " ".join(sentence(lang, 13) for _ in range(5)),
        "",
    ]
    with open(os.path.join(target, "articles", lang, slug + ".md"), "w", encoding="utf-8") as file:
        file.write("\n".join(body))
