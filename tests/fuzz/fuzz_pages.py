"""Page-like inputs for the fuzz targets: live-update pages with every kind of damage."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reliability"))
from reliability_strategies import PIECES, hostile_text

day = st.integers(0, 40)
month = st.integers(0, 14)
year = st.sampled_from([1999, 2022, 2023, 9999, 0])
page_date = st.builds(lambda d, m, y: f"{d:02d}.{m:02d}.{y}", day, month, year)
stamp = st.builds(lambda h, mi, z, d: f"{h:02d}:{mi:02d} {z} {d}", st.integers(0, 30),
                  st.integers(0, 70), st.sampled_from(["GMT", "UTC", "gmt", "CET"]), page_date)
dateline = st.builds(lambda place, agency, rest: f"{place} ({agency}) - {rest}",
                     st.sampled_from(["OSTRAVIA", "NEW VARN", "ST. LORR", "X", ""]),
                     st.sampled_from(["Agency Press", "AP", "", "(", "Reuters)"]), hostile_text)
credit = st.builds(lambda cap, src: f"{cap} - {src}, 1920, 04.02.2023", hostile_text,
                   st.sampled_from(["Agency Press", "Sputnik International", ""]))
fragment = st.sampled_from(["03:48 GMT", "13", "7", "08:12", "Live Updates: Floods Spread",
                            "Live Updates: Floods Spread.", "", "   ", "\t"])
headline = st.sampled_from(["Army Sends Boats", "Rescuers Evacuate 200 People",
                            "Floods in Ruritania", "Is This A Headline?"])
sentence = st.sampled_from([
    "The army sent 40 boats to the valley on Friday.",
    "Governor Lena Holm said the water was falling.",
    "Die Regierung hat am Montag angekündigt, dass die Truppen bleiben werden.",
    "<p>Rescuers said 20 people were missing.</p>",
    "On Sunday, the Ruritanian Army deployed 300 troops to guard all 13 checkpoints in Varn.",
    "President Olaf Brandt asked the Northern Alliance for help, his spokesman Piet Kessler "
    "told Agency Press on Monday.",
    "Police detained over 1,200 people and seized 40 weapons in Ostravia, the interior "
    "ministry said in a statement on Telegraph.",
    "\"We will not back down,\" Minister Ilse Varga said.",
    "A state of emergency was declared in Lorr from 5 January to 19 January.",
])
line = st.one_of(page_date, stamp, dateline, credit, fragment, headline, sentence, hostile_text,
                 st.sampled_from(PIECES))
newline = st.sampled_from(["\n", "\r\n", "\n\n", "\r", "\u2028"])


@st.composite
def pages(draw) -> bytes:
    lines = draw(st.lists(line, min_size=0, max_size=25))
    seps = draw(st.lists(newline, min_size=len(lines), max_size=len(lines)))
    text = "".join(a + b for a, b in zip(lines, seps, strict=True))
    if draw(st.booleans()):
        text = "<html><body>" + "".join(f"<p>{ln}</p>" for ln in lines) + "</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32"]))
    data = text.encode(encoding, errors="surrogatepass")
    if draw(st.integers(0, 9)) == 0:  # truncated download
        data = data[: draw(st.integers(0, len(data)))]
    return data


