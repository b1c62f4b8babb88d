"""Entry point of the tabular_preprocessing step (runs in the container)."""


def main():
    pass


if __name__ == "__main__":
    main()
