#!/usr/bin/env python3
"""Make resources/sounds/zh/*.wav, the clips the display board strings together for a call-out.

Why this exists
---------------
The pinned PySide6-Essentials wheel has no QtTextToSpeech and no QtMultimedia, so the board cannot
speak; it plays short recorded clips one after another (hallapp/domain/callout.py chooses them,
ui/display/voice.py joins and plays them). This script records those clips once, with espeak-ng, and
makes the chime with plain maths, so every clip is reproducible from this file.

* Words and digits: espeak-ng's Mandarin voice ``cmn-latn-pinyin`` fed tone-numbered pinyin (qing3,
  hao4, …). Debian's ``cmn`` voice reads some single characters wrongly (请 alone comes out as English
  "qing three"), whereas pinyin input goes straight to Mandarin phonemes.
* Letters: the ``cmn`` voice ("Latin as English"), which says letters the way Chinese speakers do,
  with a Mandarin tone: A ēi → èi, B bì, W dà-bu-liù …; the same synthetic voice as the words.
* The chime ("ding-dong"): two soft bell-like tones with exponential decay, ~0.8 s, generated here.

Every clip: mono, 16-bit PCM, 22050 Hz (espeak-ng's own rate, so nothing is resampled), silence trimmed
from both ends, a 5 ms fade at each end (no clicks at the joins), speech levelled to the same RMS.

Usage (from the repo root; needs espeak-ng: ``apt-get install -y espeak-ng``)::

    .venv/bin/python tools/make_voice_clips.py [--rate 140] [--out resources/sounds/zh]
"""

import argparse
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from array import array
from pathlib import Path

from hallapp.domain.callout import ALL_CLIPS, CHIME, LETTER_CLIPS

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "resources" / "sounds" / "zh"
SAMPLE_RATE = 22050
FULL_SCALE = 32767
DEFAULT_RATE = 140  # words per minute; espeak-ng's default 175 clips Mandarin syllables too short
WORD_VOICE = "cmn-latn-pinyin"
LETTER_VOICE = "cmn"

SPEECH: dict[str, str] = {  # clip name -> tone-numbered pinyin for WORD_VOICE
    "qing": "qing3",
    "hao": "hao4",
    "dao": "dao4",
    "chuangkou": "chuang1kou3",
    "banli": "ban4li3",
    "ling": "ling2",
    "yi": "yi1",
    "er": "er4",
    "san": "san1",
    "si": "si4",
    "wu": "wu3",
    "liu": "liu4",
    "qi": "qi1",
    "ba": "ba1",
    "jiu": "jiu3",
    "shi": "shi2",
}

SILENCE = 100  # |sample| at or below this is silence when trimming (-50 dBFS; espeak pads with true zeros)
FADE_MS = 5
SPEECH_RMS_DBFS = -18.0
CHIME_RMS_DBFS = -21.0  # a little under the speech: it calls attention, it should not startle
PEAK_DBFS = -1.0
SPEECH_SECONDS = (0.15, 1.2)  # a clip outside this is a synthesis fault (empty, or read as a sentence)


def espeak() -> str:
    found = shutil.which("espeak-ng")
    if not found:
        raise SystemExit("espeak-ng not found: apt-get install -y espeak-ng")
    return found


def espeak_version() -> str:
    out = subprocess.run([espeak(), "--version"], check=True, capture_output=True, text=True).stdout
    return out.split(":", 1)[-1].split("Data at")[0].strip()  # "eSpeak NG text-to-speech: 1.51  Data at: …"


def synthesise(voice: str, text: str, rate: int) -> array:
    """espeak-ng's samples for ``text``; refuses output that is not mono 16-bit at SAMPLE_RATE."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "clip.wav"
        subprocess.run([espeak(), "-v", voice, "-s", str(rate), "-w", str(path), text], check=True)
        with wave.open(str(path), "rb") as w:
            if (w.getnchannels(), w.getsampwidth(), w.getframerate()) != (1, 2, SAMPLE_RATE):
                raise SystemExit(f"espeak-ng wrote {w.getparams()} for {text!r}; expected mono 16-bit")
            samples = array("h", w.readframes(w.getnframes()))
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    return samples


def trim(samples: array) -> array:
    loud = [i for i, s in enumerate(samples) if abs(s) > SILENCE]
    if not loud:
        raise SystemExit("espeak-ng produced silence")
    return samples[loud[0] : loud[-1] + 1]


def fade(samples: array, ms: int = FADE_MS) -> array:
    out = array("h", samples)
    n = min(len(out) // 2, SAMPLE_RATE * ms // 1000)
    for i in range(n):
        gain = i / n
        out[i] = round(out[i] * gain)
        out[-1 - i] = round(out[-1 - i] * gain)
    return out


def level(samples: array, rms_dbfs: float) -> array:
    """Scale to the target RMS, but never past PEAK_DBFS: equal loudness from clip to clip."""
    rms = math.sqrt(sum(s * s for s in samples) / len(samples))
    peak = max(abs(s) for s in samples)
    gain = min(FULL_SCALE * 10 ** (rms_dbfs / 20) / rms, FULL_SCALE * 10 ** (PEAK_DBFS / 20) / peak)
    return array("h", (max(-FULL_SCALE, min(FULL_SCALE, round(s * gain))) for s in samples))


def chime(seconds: float = 0.8) -> array:
    """Ding (E5) then dong (C5), each a sine with a little 2nd and 3rd harmonic, decaying like a bell."""
    notes = ((0.0, 659.25), (0.3, 523.25))  # (start s, Hz)
    attack, decay = 0.008, 0.22  # s; short attack so it is soft, not a click
    samples = []
    for i in range(round(seconds * SAMPLE_RATE)):
        t = i / SAMPLE_RATE
        value = 0.0
        for start, hz in notes:
            u = t - start
            if u < 0:
                continue
            envelope = min(1.0, u / attack) * math.exp(-u / decay)
            phase = 2 * math.pi * hz * u
            value += envelope * (math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.08 * math.sin(3 * phase))
        samples.append(value)
    scale = 1000 / max(abs(v) for v in samples)  # provisional; level() sets the real loudness
    return array("h", (round(v * scale) for v in samples))


def write_wav(path: Path, samples: array) -> None:
    data = array("h", samples)
    if sys.byteorder == "big":
        data.byteswap()
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes(data.tobytes())


def make_clip(name: str, rate: int) -> tuple[str, array]:
    """(what was synthesised, the finished samples) for one clip name."""
    if name == CHIME:
        return "generated tones", fade(level(chime(), CHIME_RMS_DBFS), 20)
    voice, text = (LETTER_VOICE, name) if name in LETTER_CLIPS else (WORD_VOICE, SPEECH[name])
    samples = synthesise(voice, text, rate)
    return f"{voice}: {text}", level(fade(trim(samples)), SPEECH_RMS_DBFS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--rate", type=int, default=DEFAULT_RATE, help="espeak-ng speed, words per minute")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    print(f"espeak-ng {espeak_version()}, rate {args.rate}, {SAMPLE_RATE} Hz mono 16-bit -> {args.out}")
    for stale in sorted(set(args.out.glob("*.wav")) - {args.out / f"{n}.wav" for n in ALL_CLIPS}):
        stale.unlink()
        print(f"removed {stale.name} (no longer a clip)")
    faults, total = [], 0
    print(f"{'clip':<10} {'source':<34} {'seconds':>7} {'bytes':>7}")
    for name in ALL_CLIPS:
        source, samples = make_clip(name, args.rate)
        path = args.out / f"{name}.wav"
        write_wav(path, samples)
        seconds, size = len(samples) / SAMPLE_RATE, path.stat().st_size
        total += size
        print(f"{name:<10} {source:<34} {seconds:>7.3f} {size:>7}")
        low, high = SPEECH_SECONDS
        if name != CHIME and not low <= seconds <= high:
            faults.append(f"{name}: {seconds:.3f} s is outside {low}-{high} s")
    print(f"{len(ALL_CLIPS)} clips, {total / 1024:.0f} KiB")
    for fault in faults:
        print(f"error: {fault}", file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
