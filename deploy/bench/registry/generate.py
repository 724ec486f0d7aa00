#!/usr/bin/env python3
"""Writes a bulk-import CSV for county 620821 in the DESIGN's columns: valid GB 11643 numbers whose birth date and
sex agree with the row, households of 1 to 5 members (exactly one HEAD), reproducible from the seed.

    generate.py ROWS FILE [SEED]
"""
import datetime
import random
import sys

COUNTY = "620821"
TOWNSHIPS = ["620821100", "620821101", "620821102", "620821103", "620821104", "620821105", "620821106",
             "620821107", "620821108", "620821109", "620821110", "620821201", "620821202", "620821203"]
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK = "10X98765432"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"
EPOCH = datetime.date(1935, 1, 1)
DAYS = (datetime.date(2024, 12, 31) - EPOCH).days


def id_number(birth, sequence):
    body = COUNTY + birth.strftime("%Y%m%d") + "%03d" % sequence
    return body + CHECK[sum(int(c) * w for c, w in zip(body, WEIGHTS)) % 11]


def main():
    rows, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261129)
    used = set()
    written = 0
    household = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("household_number,county,township,address,id_number,name,sex,birth_date,relation,phone\n")
        while written < rows:
            household += 1
            members = min(rng.randint(1, 5), rows - written)
            number = "B%08d" % household
            township = rng.choice(TOWNSHIPS)
            address = "%d号" % rng.randint(1, 999)
            for member in range(members):
                while True:
                    day = rng.randrange(DAYS)
                    sequence = rng.randrange(1000)
                    if (day, sequence) not in used:
                        used.add((day, sequence))
                        break
                birth = EPOCH + datetime.timedelta(days=day)
                sex = "M" if sequence % 2 == 1 else "F"
                relation = "HEAD" if member == 0 else rng.choice(["SPOUSE", "CHILD", "CHILD", "PARENT", "GRANDCHILD"])
                name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
                phone = "1%010d" % rng.randrange(10 ** 10) if rng.random() < 0.7 else ""
                out.write("%s,%s,%s,%s,%s,%s,%s,%s,%s,%s\n" % (number, COUNTY, township, address,
                          id_number(birth, sequence), name, sex, birth.isoformat(), relation, phone))
                written += 1
    print("%d rows in %d households -> %s" % (written, household, path))


if __name__ == "__main__":
    main()
