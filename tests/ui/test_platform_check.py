from teachin.ui.platform_check import XCB_LIBRARIES, startup_advice, uses_xcb


def test_missing_xcb_libraries_give_the_apt_command():
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    advice = startup_advice(
        {"DISPLAY": ":0"}, can_load=lambda name: name not in missing, platform="linux"
    )
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in advice


def test_nothing_to_say_when_libraries_load_and_a_display_exists():
    assert startup_advice({"DISPLAY": ":0"}, can_load=lambda name: True, platform="linux") is None


def test_no_display_is_explained():
    advice = startup_advice({}, can_load=lambda name: True, platform="linux")
    assert "DISPLAY is not set" in advice


def test_offscreen_wayland_and_other_systems_skip_the_xcb_check():
    assert not uses_xcb({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert not uses_xcb({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert not uses_xcb({}, "win32")
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")


def test_every_library_qt_needs_maps_to_a_package():
    for name in (
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxcb-keysyms.so.1",
        "libxkbcommon-x11.so.0",
    ):
        assert name in XCB_LIBRARIES
