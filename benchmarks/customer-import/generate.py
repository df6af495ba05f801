#!/usr/bin/env python3
"""Writes a CSV file of customers the way a shop export looks: name, email, phone in mixed local and international
formats, company, interests and lifetime spend. About 1 row in 100 is bad on purpose (no name, a broken email, a
phone that is too short, or an email repeated from an earlier row), so the import's checks run at full size too.

    generate.py ROWS OUT.csv [SEED]
"""
import csv
import random
import sys

rows, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
first = ["Ana", "Tom", "Petra", "Paul", "José", "Mei", "Olu", "Sven", "Priya", "Liam", "Chloé", "Marta", "Kenji",
         "Fatima", "Noah", "Ingrid", "Mateo", "Aisha", "Lukas", "Zoë"]
last = ["Souza", "Becker", "Novak", "Martin", "Álvarez", "Chen", "Adeyemi", "Larsson", "Iyer", "Murphy", "Dubois",
        "Kowalska", "Sato", "Haddad", "Smith", "Berg", "Rossi", "Khan", "Weber", "Nguyen"]
interests = ["Hot Wheels", "model trains", "sailing", "sourdough", "marathons", "jazz vinyl", "orchids", "chess",
             "vintage bikes", "birdwatching"]
companies = [f"{rng.choice(last)} {kind} {n}" for n in range(2000)
             for kind in [rng.choice(["Toys", "Trading", "Kindergarten", "Garage", "Studio"])]]

with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["Full name", "Email", "Phone", "Company", "Interests", "Lifetime spend"])
    for i in range(rows):
        name = f"{rng.choice(first)} {rng.choice(last)}"
        email = f"customer{i}@shop{i % 97}.example"
        n = 2000000 + i
        phone = rng.choice([f"+1 415 {n // 10000:03d} {n % 10000:04d}", f"(415) {n // 10000:03d}-{n % 10000:04d}",
                            f"+44 20 7{n // 10000:03d} {n % 10000:04d}"])
        company = rng.choice(companies) if rng.random() < 0.4 else ""
        likes = "; ".join(rng.sample(interests, rng.randint(0, 2)))
        spend = f"{rng.randint(0, 500000) / 100:.2f}"
        bad = rng.random()
        if bad < 0.0025:
            name = ""
        elif bad < 0.005:
            email = "not-an-email"
        elif bad < 0.0075:
            phone = "12"
        elif bad < 0.01 and i > 0:
            email = f"customer{i - 1}@shop{(i - 1) % 97}.example"
        w.writerow([name, email, phone, company, likes, spend])
