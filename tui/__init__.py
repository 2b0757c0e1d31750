"""The Textual app. Only tui.app and the screens import Textual."""
