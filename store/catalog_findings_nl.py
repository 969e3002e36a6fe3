"""Dutch words of the shared capture and leerpunt workflows (store/moments/capture.py,
store/moments/workflows.py), registered by store/moments/capture.py when it is imported."""

FINDINGS_NL: dict[str, str] = {
    "capture.nothing": "geen bevinding om vast te leggen: elke regel is leeg of bevat alleen tekens als + - ? !",
    "meeting.expected": "{id} is geen bijeenkomst; een bijeenkomst-id ziet eruit als M-3",
}
