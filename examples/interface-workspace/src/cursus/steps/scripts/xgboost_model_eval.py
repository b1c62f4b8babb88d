"""Entry point of the xgboost_model_eval step (runs in the container)."""


def main():
    pass


if __name__ == "__main__":
    main()
