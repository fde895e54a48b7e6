"""The stacked bar chart the latency and context-window budgets draw: scale, key, text, escaping."""

import re

from calculators.kit.stacked_bar import FONT, WIDTH, Bar, Segment, label_spot, stacked_bars


def bar(*segments: Segment, limit: float = 200, title: str = "Test") -> Bar:
    return Bar(title, segments, limit=limit, limit_text="limit")


def test_segments_and_limit_share_one_axis_scaled_to_the_longest_thing_drawn():
    svg = stacked_bars((bar(Segment("A", 100, "100", "solid", "primary"),
                            Segment("B", 300, "300", "hatch", "accent")),), "Test chart.", "t")
    # The scale runs to 400 (the total, beyond the limit); the plot spans x = 4 to 316.
    assert re.search(r'<rect x="4" y="22" width="78"', svg)
    assert re.search(r'<rect x="82" y="22" width="234"', svg)
    assert 'x1="160"' in svg  # the limit, 200 of 400


def test_a_limit_beyond_the_total_sets_the_scale():
    svg = stacked_bars((bar(Segment("A", 100, "100", "solid", "primary"), limit=400),), "D.", "t")
    assert re.search(r'<rect x="4" y="22" width="78"', svg) and 'x1="316"' in svg


def test_only_the_textures_used_get_a_pattern_and_ids_carry_the_prefix():
    svg = stacked_bars((bar(Segment("A", 1, "1", "hatch", "accent"),
                            Segment("B", 1, "1", "solid", "primary")),), "D.", "calc-x")
    assert 'fill="url(#calc-x-hatch)"' in svg and 'id="calc-x-hatch"' in svg
    assert 'id="calc-x-dots"' not in svg and 'id="calc-x-solid"' not in svg


def test_text_is_escaped_and_every_drawn_segment_is_described():
    svg = stacked_bars((Bar("<Bar>", (Segment("x<y", 1, "1 & 2", "dots", "light"),
                                       Segment("zero", 0, "0", "solid", "primary")),
                            limit=2, limit_text="lim"),), "Desc.", "t")
    assert "<Bar>" not in svg and "&lt;Bar&gt;" in svg
    assert 'aria-label="Desc. &lt;Bar&gt;: x&lt;y 1 &amp; 2; lim."' in svg
    # A zero segment is neither drawn nor listed in the key.
    assert ">zero<" not in svg


def test_a_label_goes_inside_its_segment_only_when_it_fits():
    svg = stacked_bars((bar(Segment("Wide label", 390, "390", "solid", "primary"),
                            Segment("Narrow", 10, "10", "solid", "accent"), limit=400),), "D.", "t")
    inside = re.findall(r'class="calc-bar-text">([^<]*)<', svg)
    assert inside == ["Wide label 390"]


def test_a_label_never_crosses_the_limit_line():
    # The limit falls in the middle of the only segment: the label moves to the wider side.
    segment = Segment("Writing", 1000, "1,000 ms", "lines", "light")
    spot = label_spot(segment, 4, 316, limit_x=120)
    assert spot is not None
    text, middle = spot
    half = len(text) * 0.62 * FONT / 2
    assert middle - half > 120 and middle + half <= 316
    # No stretch on either side is wide enough: no label at all (the key names it).
    assert label_spot(segment, 4, 130, limit_x=67) is None


def test_text_is_at_least_12_px_on_a_390_px_phone():
    # The chart is about 318 px wide there (the page's padding and the result's own).
    assert FONT * 318 / WIDTH >= 12


def test_the_key_names_each_kind_once_and_wraps_inside_the_chart():
    segments = tuple(Segment(f"Kind number {i}", 1, "1", "solid", "primary") for i in range(6))
    svg = stacked_bars((bar(*segments), bar(*segments)), "D.", "t")
    keys = re.findall(r'class="calc-bar-key-text">([^<]*)<', svg)
    assert keys == [f"Kind number {i}" for i in range(6)]
    xs = [float(x) for x in re.findall(r'<text x="([\d.]+)"[^>]*class="calc-bar-key-text"', svg)]
    assert max(xs) < 316 and len(set(re.findall(r'<text x="[\d.]+" y="(\d+)"[^>]*calc-bar-key-text', svg))) > 1
    height = int(re.search(rf'viewBox="0 0 {WIDTH} (\d+)"', svg).group(1))
    assert height > 2 * 74  # two bars plus the wrapped key


def test_an_empty_bar_says_nothing_is_in_it():
    svg = stacked_bars((bar(Segment("A", 0, "0", "solid", "primary")),), "D.", "t")
    assert "Test: nothing; limit." in svg
