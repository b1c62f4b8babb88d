"""Entry point of the text_summarization step (runs in the container)."""


def main():
    pass


if __name__ == "__main__":
    main()
